// Curated route: down from the north to circle the lone Hallelujah pillar once, rising
// as it goes, then drawing back east and up so the column stands alone in the view.
import type { RouteInput } from '../route-schema';

const COLUMN_UPPER: [number, number, number] = [-650, 1000, -350];
const SUMMIT: [number, number, number] = [-650, 1075, -350];

export const hallelujahFlyover: RouteInput = {
  id: 'hallelujah-flyover',
  scene: 'wulingyuan',
  landmark: 'hallelujah-mountain',
  title: { en: 'Around Hallelujah Mountain', zh: '环飞哈利路亚山' },
  description: {
    en: 'Circle the lone pillar once called the Southern Sky Column, then draw back and up until its pine-crowned summit, about 1,080 metres above sea level, stands alone.',
    zh: '环绕曾名“南天一柱”的孤峰飞行一周，再缓缓后退、升高，看海拔约1080米、松林覆顶的峰巅孤立于天地之间。',
  },
  durationS: 95,
  timeOfDay: 'midday',
  pacing: 'constant-speed',
  easeInS: 6,
  easeOutS: 8,
  keyframes: [
    { timeS: 0, position: [-440, 1010, -800], lookAt: COLUMN_UPPER },
    { timeS: 15.6, position: [-480, 975, -560], lookAt: COLUMN_UPPER },
    { timeS: 26.5, position: [-490, 950, -350], lookAt: COLUMN_UPPER },
    { timeS: 35, position: [-570, 930, -211], lookAt: COLUMN_UPPER },
    { timeS: 43.5, position: [-730, 920, -211], lookAt: COLUMN_UPPER },
    { timeS: 52, position: [-810, 935, -350], lookAt: COLUMN_UPPER },
    { timeS: 60.7, position: [-730, 965, -489], lookAt: [-650, 1020, -350] },
    { timeS: 69.3, position: [-570, 1005, -489], lookAt: [-650, 1045, -350] },
    { timeS: 76.2, position: [-495, 1050, -391], lookAt: [-650, 1065, -350] },
    { timeS: 82.7, position: [-400, 1095, -320], lookAt: SUMMIT },
    { timeS: 95, position: [-250, 1140, -280], lookAt: SUMMIT },
  ],
  pointsOfInterest: [
    {
      id: 'southern-sky-column',
      title: { en: 'Southern Sky Column', zh: '南天一柱' },
      narration: {
        en: 'This lone, slender pillar of quartz sandstone was long known as the Southern Sky Column. In 2010 it was renamed Avatar Hallelujah Mountain, after the floating mountains of the film Avatar.',
        zh: '这根孤高挺拔的石英砂岩石柱，过去一直叫“南天一柱”。2010年，它因电影《阿凡达》中的悬浮山而更名为“阿凡达-哈利路亚山”。',
      },
      position: COLUMN_UPPER,
      timeS: 6,
      dwellS: 16,
    },
    {
      id: 'sandstone-pillar',
      title: { en: 'Stone cut by water', zh: '流水雕琢的石柱' },
      narration: {
        en: 'The column was once part of a solid block of sandstone. Water working down its vertical cracks for ages cut it free, leaving it standing alone.',
        zh: '这根石柱原本是整块砂岩的一部分。千万年来，流水沿着竖直的裂隙不断下切，终于把它从岩体中分离出来，独自矗立。',
      },
      position: [-650, 900, -350],
      timeS: 34,
      dwellS: 16,
    },
    {
      id: 'summit',
      title: { en: 'A crown of pines', zh: '峰顶青松' },
      narration: {
        en: 'The summit stands about 1,080 metres above sea level. Masson pines cling to the top, rooted in cracks where a little soil has gathered.',
        zh: '峰顶海拔约1080米。马尾松扎根在积了薄土的石缝中，为峰顶披上一圈苍翠。',
      },
      position: SUMMIT,
      timeS: 62,
      dwellS: 14,
    },
    {
      id: 'floating-mountains',
      title: { en: 'Mountains that float', zh: '悬浮的群山' },
      narration: {
        en: 'When the cloud sea rises, the valleys vanish and the pillars seem to float, the sight many link to the Hallelujah Mountains of Pandora.',
        zh: '云海升起时，山谷隐没在云下，石峰仿佛悬浮在半空。许多人由此联想到潘多拉星球上的“哈利路亚山”。',
      },
      position: SUMMIT,
      timeS: 79,
      dwellS: 14,
    },
  ],
};
