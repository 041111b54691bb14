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
    { timeS: 0, position: [540, 825, 140], lookAt: BRIDGE_ARCH },
    { timeS: 9, position: [505, 822, 20], lookAt: BRIDGE_ARCH },
    { timeS: 16.7, position: [585, 818, -120], lookAt: BRIDGE_ARCH },
    { timeS: 24.3, position: [605, 815, -280], lookAt: BRIDGE_ARCH },
    { timeS: 32.2, position: [650, 810, -440], lookAt: [700, 850, -800] },
    { timeS: 38.3, position: [700, 808, -560], lookAt: [705, 830, -900] },
    { timeS: 42.6, position: [700, 808, -650], lookAt: [730, 830, -1000] },
    { timeS: 49.8, position: [755, 812, -790], lookAt: [850, 840, -1000] },
    { timeS: 56.4, position: [850, 835, -890], lookAt: [870, 880, -1150] },
    { timeS: 61.9, position: [855, 868, -1000], lookAt: [780, 950, -1250] },
    { timeS: 67, position: [815, 910, -1090], lookAt: [650, 1000, -1450] },
    { timeS: 72.7, position: [740, 955, -1170], lookAt: [600, 1050, -1650] },
    { timeS: 80, position: [680, 990, -1230], lookAt: [560, 1080, -1700] },
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
      position: [850, 900, -1000],
      timeS: 52,
      dwellS: 14,
    },
  ],
};
