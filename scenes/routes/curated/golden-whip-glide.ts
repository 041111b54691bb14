// Curated route: a low glide east down the Golden Whip valley, above the trees along the
// stream, turning to Golden Whip Rock as it passes and rising gently at the end.
import type { RouteInput } from '../route-schema';

const GOLDEN_WHIP_ROCK: [number, number, number] = [300, 650, 700];

export const goldenWhipGlide: RouteInput = {
  id: 'golden-whip-glide',
  scene: 'wulingyuan',
  landmark: 'golden-whip-stream',
  title: { en: 'Gliding down Golden Whip Stream', zh: '金鞭溪低空漫游' },
  description: {
    en: 'Glide low along the forested valley of Golden Whip Stream, past the sheer face of Golden Whip Rock.',
    zh: '贴着林梢，沿金鞭溪幽深的峡谷缓缓滑翔，从陡峭的金鞭岩前掠过。',
  },
  durationS: 110,
  timeOfDay: 'golden-hour',
  pacing: 'constant-speed',
  easeInS: 6,
  easeOutS: 8,
  keyframes: [
    { timeS: 0, position: [-700, 490, 904], lookAt: [-450, 475, 892] },
    { timeS: 15.1, position: [-500, 486, 883], lookAt: [-250, 471, 948] },
    { timeS: 27.6, position: [-300, 484, 935], lookAt: [-50, 469, 951] },
    { timeS: 39.7, position: [-100, 482, 960], lookAt: [150, 475, 871] },
    { timeS: 52.4, position: [100, 482, 895], lookAt: GOLDEN_WHIP_ROCK },
    { timeS: 62.4, position: [250, 484, 822], lookAt: [320, 630, 690] },
    { timeS: 72.1, position: [400, 486, 768], lookAt: [600, 540, 720] },
    { timeS: 81.1, position: [550, 490, 763], lookAt: [800, 480, 830] },
    { timeS: 93.6, position: [750, 505, 815], lookAt: [1000, 495, 860] },
    { timeS: 110, position: [950, 530, 860], lookAt: [1200, 520, 809] },
  ],
  pointsOfInterest: [
    {
      id: 'golden-whip-stream',
      title: { en: 'Golden Whip Stream', zh: '金鞭溪' },
      narration: {
        en: 'Below runs Golden Whip Stream, winding about 7.5 kilometres along the valley floor between the pillars, its water clear to the stones on its bed.',
        zh: '脚下便是金鞭溪。它在石峰之间的谷底蜿蜒约7.5公里，溪水清澈见底。',
      },
      position: [-300, 440, 935],
      timeS: 5,
      dwellS: 16,
    },
    {
      id: 'golden-whip-rock',
      title: { en: 'Golden Whip Rock', zh: '金鞭岩' },
      narration: {
        en: 'Ahead rises Golden Whip Rock, a sheer pillar of quartz sandstone. When sunlight strikes its face the rock glows gold, like a whip raised to the sky, and it gave the stream its name.',
        zh: '前方拔地而起的便是金鞭岩，一根壁立如削的石英砂岩石柱。阳光照在岩壁上，金光闪闪，宛如一条直指苍穹的金鞭，溪水也因它而得名。',
      },
      position: GOLDEN_WHIP_ROCK,
      timeS: 46,
      dwellS: 18,
    },
    {
      id: 'valley-forest',
      title: { en: 'A forested gorge', zh: '幽谷密林' },
      narration: {
        en: 'The valley is deep and narrow, shaded by forest, with sandstone walls rising hundreds of metres on either side.',
        zh: '峡谷幽深狭长，林木蔽日，两侧的砂岩峭壁高达数百米。',
      },
      position: [750, 470, 815],
      timeS: 80,
      dwellS: 16,
    },
  ],
};
