// Curated route: along the sheer south-west and west faces of Tianmen Mountain at the height
// of its cliff-side walkways, then up over the rim onto the summit plateau.
import type { RouteInput } from '../route-schema';

export const tianmenCliffSkywalk: RouteInput = {
  id: 'tianmen-cliff-skywalk',
  scene: 'tianmen',
  landmark: 'tianmen-cliff-walkway',
  title: { en: 'Along the Tianmen cliffs', zh: '天门山绝壁巡游' },
  description: {
    en: 'Follow the limestone walls of Tianmen Mountain at the height of its glass skywalk, hundreds of metres above the forested slopes, then rise over the rim onto the plateau.',
    zh: '沿着天门山的石灰岩绝壁飞行，高度与玻璃栈道相当，脚下是数百米深的林坡，最后越过崖顶，飞上山顶台地。',
  },
  durationS: 85,
  timeOfDay: 'golden-hour',
  pacing: 'constant-speed',
  easeInS: 8,
  easeOutS: 8,
  keyframes: [
    { timeS: 0, position: [-350, 1430, -120], lookAt: [-900, 1440, -250] },
    { timeS: 12, position: [-700, 1425, -140], lookAt: [-1200, 1440, -380] },
    { timeS: 22, position: [-1000, 1420, -175], lookAt: [-1400, 1440, -550] },
    { timeS: 33, position: [-1260, 1420, -320], lookAt: [-1500, 1440, -800] },
    { timeS: 44, position: [-1500, 1420, -600], lookAt: [-1520, 1440, -1100] },
    { timeS: 55, position: [-1590, 1425, -900], lookAt: [-1500, 1460, -1350] },
    { timeS: 64, position: [-1590, 1450, -1150], lookAt: [-1300, 1510, -1500] },
    { timeS: 74, position: [-1480, 1520, -1380], lookAt: [-900, 1520, -1500] },
    { timeS: 85, position: [-1250, 1560, -1480], lookAt: [-600, 1520, -1400] },
  ],
  pointsOfInterest: [
    {
      id: 'limestone-walls',
      title: { en: 'Walls of limestone', zh: '石灰岩绝壁' },
      narration: {
        en: 'Tianmen Mountain ends in sheer walls of grey-buff limestone, hundreds of metres tall, with forest clinging below and on top of them.',
        zh: '天门山四周是灰黄色的石灰岩绝壁，高达数百米，崖下林坡陡峭，崖顶草木葱茏。',
      },
      position: [-900, 1350, -290],
      timeS: 3,
      dwellS: 16,
    },
    {
      id: 'glass-skywalk',
      title: { en: 'The glass skywalk', zh: '玻璃栈道' },
      narration: {
        en: 'Walkways wrap the cliffs near the summit, some with glass floors, so visitors look straight down the wall to the forest far below.',
        zh: '山顶附近的悬崖上修有环山栈道，部分路段铺着玻璃，游客脚下便是直落林海的万丈绝壁。',
      },
      position: [-1300, 1430, -620],
      timeS: 30,
      dwellS: 18,
    },
    {
      id: 'over-the-rim',
      title: { en: 'Over the rim', zh: '飞越崖顶' },
      narration: {
        en: 'We rise over the rim onto the summit plateau, about 1,500 metres up, where forest covers the flat top of the mountain.',
        zh: '我们越过崖顶，飞上海拔约1500米的山顶台地，平坦的山顶覆盖着茂密的森林。',
      },
      position: [-1200, 1505, -1400],
      timeS: 62,
      dwellS: 18,
    },
  ],
};
