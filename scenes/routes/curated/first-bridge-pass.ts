// Curated route: up a corridor between pillars and through the slot beneath the First
// Bridge Under Heaven, then climbing out northwards towards the cliffs of the Tianzi plateau.
import type { RouteInput } from '../route-schema';

const BRIDGE_ARCH: [number, number, number] = [700, 858, -650];

export const firstBridgePass: RouteInput = {
  id: 'first-bridge-pass',
  scene: 'wulingyuan',
  landmark: 'first-bridge',
  title: { en: 'Under the First Bridge Under Heaven', zh: '穿越天下第一桥' },
  description: {
    en: 'Weave between sandstone pillars and fly through the slot beneath a natural stone bridge that hangs about 350 metres above the valley floor.',
    zh: '在砂岩石峰间穿行，从离谷底约350米的天然石桥下飞过。',
  },
  durationS: 80,
  timeOfDay: 'midday',
  pacing: 'constant-speed',
  easeInS: 6,
  easeOutS: 6,
  keyframes: [
    { timeS: 0, position: [530, 825, 110], lookAt: BRIDGE_ARCH },
    { timeS: 8.7, position: [470, 822, 20], lookAt: BRIDGE_ARCH },
    { timeS: 14, position: [465, 820, -80], lookAt: BRIDGE_ARCH },
    { timeS: 19.4, position: [515, 818, -170], lookAt: BRIDGE_ARCH },
    { timeS: 24.7, position: [522, 816, -270], lookAt: BRIDGE_ARCH },
    { timeS: 30, position: [540, 814, -370], lookAt: BRIDGE_ARCH },
    { timeS: 35, position: [590, 812, -450], lookAt: [700, 850, -800] },
    { timeS: 40.6, position: [660, 810, -530], lookAt: [705, 830, -900] },
    { timeS: 44.8, position: [700, 810, -600], lookAt: [700, 830, -950] },
    { timeS: 47.4, position: [700, 812, -650], lookAt: [695, 840, -1000] },
    { timeS: 54.4, position: [690, 835, -780], lookAt: [690, 880, -1100] },
    { timeS: 59.9, position: [686, 870, -880], lookAt: [660, 930, -1200] },
    { timeS: 65, position: [708, 910, -965], lookAt: [560, 1000, -1350] },
    { timeS: 69, position: [702, 938, -1035], lookAt: [500, 1060, -1500] },
    { timeS: 72.7, position: [650, 958, -1075], lookAt: [420, 1090, -1600] },
    { timeS: 80, position: [570, 975, -1070], lookAt: [380, 1100, -1650] },
  ],
  pointsOfInterest: [
    {
      id: 'first-bridge',
      title: { en: 'First Bridge Under Heaven', zh: '天下第一桥' },
      narration: {
        en: 'Ahead, a single slab of quartz sandstone joins two pillars: the First Bridge Under Heaven. It spans about 40 metres and hangs roughly 350 metres above the valley floor.',
        zh: '前方，一整块石英砂岩横架在两座石峰之间，这就是“天下第一桥”。桥身跨度约40米，距谷底约350米，凌空飞架，浑然天成。',
      },
      position: BRIDGE_ARCH,
      timeS: 6,
      dwellS: 14,
    },
    {
      id: 'natural-arch',
      title: { en: 'Made by water, not by hands', zh: '天工造化' },
      narration: {
        en: 'No one built it. Over ages, rain and frost worked along the cracks in the rock and carried the weaker stone away, until only the arch was left standing.',
        zh: '这座桥并非人力所造。千万年来，雨水和冰冻沿着岩石的裂隙不断侵蚀，带走了较软弱的岩块，最终只留下这道石拱。',
      },
      position: BRIDGE_ARCH,
      timeS: 28,
      dwellS: 14,
    },
    {
      id: 'pillar-forest',
      title: { en: 'A forest of stone', zh: '石峰如林' },
      narration: {
        en: 'All around stand some of the more than 3,000 pillars and peaks that crowd Wulingyuan’s roughly 86 square kilometres.',
        zh: '四周石峰林立。在武陵源约86平方公里的土地上，耸立着三千多座石柱与山峰。',
      },
      position: [700, 900, -950],
      timeS: 52,
      dwellS: 14,
    },
  ],
};
