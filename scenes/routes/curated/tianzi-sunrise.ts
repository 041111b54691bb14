// Curated route: at dawn, drift off the edge of the Tianzi plateau over the pillar forest
// and the cloud sea, the view turning slowly from the south to the rising sun in the east.
import type { RouteInput } from '../route-schema';

export const tianziSunrise: RouteInput = {
  id: 'tianzi-sunrise',
  scene: 'wulingyuan',
  landmark: 'tianzi-plateau',
  title: { en: 'Sunrise over Tianzi Mountain', zh: '天子山云海日出' },
  description: {
    en: 'Drift off the edge of the Tianzi plateau at dawn as the first light rakes across a sea of cloud and stone pillars.',
    zh: '黎明时分，从天子山台地边缘缓缓飞出，看第一缕晨光掠过云海与峰林。',
  },
  durationS: 100,
  timeOfDay: 'sunrise',
  pacing: 'constant-speed',
  easeInS: 8,
  easeOutS: 10,
  keyframes: [
    { timeS: 0, position: [120, 1320, -1800], lookAt: [150, 1150, -1000] },
    { timeS: 17.6, position: [150, 1325, -1680], lookAt: [250, 1120, -900] },
    { timeS: 33.8, position: [185, 1298, -1540], lookAt: [500, 1100, -1000] },
    { timeS: 50.7, position: [240, 1265, -1400], lookAt: [900, 1150, -1200] },
    { timeS: 67.2, position: [320, 1225, -1280], lookAt: [1200, 1180, -1300] },
    { timeS: 81.6, position: [420, 1200, -1200], lookAt: [1500, 1200, -1350] },
    { timeS: 100, position: [530, 1185, -1150], lookAt: [1800, 1230, -1400] },
  ],
  pointsOfInterest: [
    {
      id: 'tianzi-plateau',
      title: { en: 'Tianzi Mountain', zh: '天子山' },
      narration: {
        en: 'You are leaving the edge of Tianzi Mountain, a high plateau whose highest point rises about 1,260 metres above sea level. Its cliffs drop away to the pillar forest below.',
        zh: '此刻，你正飞离天子山台地的边缘。天子山最高处海拔约1260米，台地边缘峭壁陡落，下方便是莽莽峰林。',
      },
      position: [150, 1250, -1700],
      timeS: 4,
      dwellS: 16,
    },
    {
      id: 'cloud-sea',
      title: { en: 'A sea of cloud', zh: '云海' },
      narration: {
        en: 'On humid mornings a sea of cloud fills the valleys. Only the pillar tops break the surface, like islands.',
        zh: '湿润的清晨，云海漫过山谷，只有峰顶探出云面，宛如海上的座座岛屿。',
      },
      position: [300, 900, -1100],
      timeS: 26,
      dwellS: 14,
    },
    {
      id: 'sunrise',
      title: { en: 'First light', zh: '旭日初升' },
      narration: {
        en: 'The sun comes up in the east, and warm light rakes across the pillar faces: the view Tianzi Mountain is famous for.',
        zh: '旭日东升，温暖的晨光斜照在石峰的岩壁上。这正是天子山最负盛名的景致。',
      },
      position: [1500, 1200, -1350],
      timeS: 50,
      dwellS: 16,
    },
    {
      id: 'pillar-sea',
      title: { en: 'Three thousand peaks', zh: '三千奇峰' },
      narration: {
        en: 'More than 3,000 quartz-sandstone pillars and peaks stand in about 86 square kilometres; over a thousand of them are taller than 120 metres.',
        zh: '在约86平方公里的土地上，矗立着三千多座石英砂岩峰柱，其中高度超过120米的就有一千多座。',
      },
      position: [600, 950, -1000],
      timeS: 74,
      dwellS: 16,
    },
  ],
};
