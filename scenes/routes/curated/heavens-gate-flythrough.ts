// Curated route: up the valley towards Tianmen Mountain, climbing along the line of the 999
// steps, straight through Heaven's Gate, then up the ravine behind it and out over the plateau.
import type { RouteInput } from '../route-schema';

const GATE: [number, number, number] = [0, 1365, -250];
const THROUGH: [number, number, number] = [0, 1400, -800];

export const heavensGateFlythrough: RouteInput = {
  id: 'heavens-gate-flythrough',
  scene: 'tianmen',
  landmark: 'heavens-gate',
  title: { en: 'Through Heaven’s Gate', zh: '飞越天门洞' },
  description: {
    en: 'Climb from the valley along the 999 steps and fly straight through Tianmen Cave, a natural arch about 130 metres high in the wall of Tianmen Mountain, then rise over the summit plateau.',
    zh: '从山谷出发，沿着九百九十九级台阶一路爬升，径直穿过天门山绝壁上高约130米的天然石洞——天门洞，再飞上山顶台地。',
  },
  durationS: 115,
  timeOfDay: 'midday',
  pacing: 'constant-speed',
  easeInS: 9,
  easeOutS: 9,
  keyframes: [
    { timeS: 0, position: [-120, 950, 1800], lookAt: GATE },
    { timeS: 18, position: [-60, 1080, 1150], lookAt: GATE },
    { timeS: 36, position: [0, 1200, 500], lookAt: GATE },
    { timeS: 48, position: [0, 1290, 100], lookAt: GATE },
    { timeS: 55, position: [0, 1340, -100], lookAt: [0, 1372, -600] },
    { timeS: 58, position: [0, 1362, -210], lookAt: THROUGH },
    { timeS: 60, position: [0, 1364, -290], lookAt: [0, 1420, -900] },
    { timeS: 66, position: [0, 1400, -500], lookAt: [0, 1470, -1100] },
    { timeS: 74, position: [0, 1470, -750], lookAt: [30, 1540, -1350] },
    { timeS: 82, position: [0, 1545, -1000], lookAt: [80, 1580, -1600] },
    { timeS: 92, position: [60, 1580, -1300], lookAt: [200, 1560, -1900] },
    { timeS: 115, position: [150, 1600, -1600], lookAt: [300, 1540, -2200] },
  ],
  pointsOfInterest: [
    {
      id: 'tianmen-mountain',
      title: { en: 'Tianmen Mountain', zh: '天门山' },
      narration: {
        en: 'Ahead rises Tianmen Mountain, a flat-topped massif about 1,500 metres high, ringed by sheer limestone cliffs, only some 8 kilometres from Zhangjiajie city. A cableway about 7.5 kilometres long climbs some 1,280 metres from the city to its top.',
        zh: '前方便是天门山。山顶平坦，海拔约1500米，四周绝壁环绕，距张家界市区只有约8公里。一条长约7.5公里的索道从城里出发，一路爬升约1280米直达山顶。',
      },
      position: [0, 1500, -1030],
      timeS: 4,
      dwellS: 18,
    },
    {
      id: 'stairway-999',
      title: { en: 'The 999 steps', zh: '九百九十九级台阶' },
      narration: {
        en: 'Below us, a stair of 999 steps climbs the steep ridge to the gate. Nine is a lucky number in China: it sounds like the word for “lasting”.',
        zh: '脚下是通往天门洞的九百九十九级台阶，沿着陡峭的山脊直上。“九”与“久”同音，在中国寓意长长久久。',
      },
      position: [0, 1150, 0],
      timeS: 26,
      dwellS: 18,
    },
    {
      id: 'heavens-gate',
      title: { en: 'Heaven’s Gate', zh: '天门洞' },
      narration: {
        en: 'Tianmen Cave, Heaven’s Gate: a natural arch right through the mountain wall, about 130 metres high, 57 metres wide and 60 metres deep, its floor at roughly 1,300 metres. Aircraft have flown through it, and so do we.',
        zh: '天门洞，一座贯穿山体的天然石拱：高约130米，宽约57米，深约60米，洞底海拔约1300米。曾有飞机从洞中穿过，此刻我们也将穿门而过。',
      },
      position: GATE,
      timeS: 46,
      dwellS: 18,
    },
    {
      id: 'summit-plateau',
      title: { en: 'The summit plateau', zh: '山顶台地' },
      narration: {
        en: 'Behind the gate a ravine climbs to the top, a forested plateau edged by cliffs, where walkways cling to the rock high above the valleys.',
        zh: '穿过天门，一道峡谷直通山顶。山顶是一片林木葱郁的台地，四周悬崖上修有栈道，凌空于深谷之上。',
      },
      position: [100, 1510, -1300],
      timeS: 70,
      dwellS: 18,
    },
  ],
};
