// The catalogue hero's ink-wash picture of pillar ranks in mist, as SVG markup: served once
// as a cacheable image (app/art/misty-pillars.svg), so the catalogue's HTML and React's
// hydration no longer carry and walk thousands of path points on every visit (issue 15).
// Deterministic: the same seeds give the same picture, so its hash names its version.

import { createRandom } from '@/scenes/world/random';

export const VIEW_W = 1440;
export const VIEW_H = 800;

interface PillarSpec {
  centerX: number;
  topY: number;
  widthPx: number;
}

interface RankSpec {
  seed: number;
  count: number;
  topRange: [number, number];
  widthRange: [number, number];
  /** The rank's fill, a vertical gradient: paler and mistier the further the rank stands. */
  gradientId: string;
  gradientStops: GradientStop[];
  crownFill?: string;
  /** Pillars placed by hand, for the silhouettes people recognise (the lone column). */
  fixed?: PillarSpec[];
}

const RANKS: RankSpec[] = [
  {
    seed: 11,
    count: 26,
    topRange: [300, 430],
    widthRange: [22, 58],
    gradientId: 'yun-rank-far',
    gradientStops: [
      [0.3, '#71877f'],
      [0.62, '#9aaaa2'],
    ],
  },
  {
    seed: 23,
    count: 20,
    topRange: [350, 520],
    widthRange: [30, 74],
    gradientId: 'yun-rank-midfar',
    gradientStops: [
      [0.35, '#4b6258'],
      [0.7, '#7f928a'],
    ],
  },
  {
    seed: 37,
    count: 13,
    topRange: [400, 600],
    widthRange: [40, 96],
    gradientId: 'yun-rank-mid',
    gradientStops: [
      [0.25, '#2c4238'],
      [0.8, '#62766d'],
    ],
    crownFill: '#1d3128',
    fixed: [{ centerX: 610, topY: 230, widthPx: 54 }],
  },
  {
    seed: 53,
    count: 7,
    topRange: [380, 580],
    widthRange: [56, 110],
    gradientId: 'yun-rank-near',
    gradientStops: [
      [0.2, '#14221c'],
      [0.9, '#33463e'],
    ],
    crownFill: '#0f1c17',
    fixed: [
      { centerX: 60, topY: 110, widthPx: 120 },
      { centerX: 1370, topY: 170, widthPx: 130 },
    ],
  },
];

function pillarPath({ centerX, topY, widthPx }: PillarSpec, random: () => number): string {
  const baseY = VIEW_H + 20;
  const half = widthPx / 2;
  const steps = 6;
  const left: string[] = [];
  const right: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const y = baseY - ((baseY - topY - half * 0.35) * i) / steps;
    // Pillars bulge and narrow along their joints, and flare a little at the foot.
    const flare = (1 - i / steps) ** 3 * half * 0.45;
    left.push(`${Math.round(centerX - half - flare + (random() - 0.5) * half * 0.28)},${Math.round(y)}`);
    right.push(`${Math.round(centerX + half + flare + (random() - 0.5) * half * 0.28)},${Math.round(y)}`);
  }
  const shoulderY = topY + half * 0.35;
  const cap = [
    `${Math.round(centerX - half * 0.7)},${Math.round(shoulderY - half * (0.15 + random() * 0.2))}`,
    `${Math.round(centerX - half * 0.2)},${Math.round(topY + random() * half * 0.12)}`,
    `${Math.round(centerX + half * 0.35)},${Math.round(topY + random() * half * 0.2)}`,
    `${Math.round(centerX + half * 0.8)},${Math.round(shoulderY - half * (0.1 + random() * 0.2))}`,
  ];
  return `M${left.join(' L')} L${cap.join(' L')} L${right.reverse().join(' L')}Z`;
}

function crownEllipses({ centerX, topY, widthPx }: PillarSpec, random: () => number): Array<[number, number, number, number]> {
  // Pines sit low and flat on the summit and spill over its shoulders.
  const count = 4 + Math.floor(random() * 4);
  const ellipses: Array<[number, number, number, number]> = [];
  for (let i = 0; i < count; i++) {
    const along = (i + 0.5) / count - 0.5;
    const radius = widthPx * (0.09 + random() * 0.08);
    ellipses.push([
      Math.round(centerX + along * widthPx * 1.05),
      Math.round(topY + widthPx * 0.06 - random() * radius * 0.6),
      Math.round(radius * 1.5),
      Math.max(2, Math.round(radius * 0.75)),
    ]);
  }
  return ellipses;
}

function jointLines({ centerX, topY, widthPx }: PillarSpec, random: () => number): string {
  // Vertical joint cracks: what makes a block of sandstone read as a pillar.
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    const x = Math.round(centerX + (random() - 0.5) * widthPx * 0.6);
    const y0 = Math.round(topY + widthPx * (0.3 + random() * 0.5));
    const y1 = Math.round(y0 + 120 + random() * 260);
    lines.push(`M${x},${y0} L${x + Math.round((random() - 0.5) * 6)},${y1}`);
  }
  return lines.join(' ');
}

function rankPillars(rank: RankSpec): Array<{ path: string; crown: Array<[number, number, number, number]>; joints: string }> {
  const random = createRandom(rank.seed);
  const specs: PillarSpec[] = [...(rank.fixed ?? [])];
  for (let i = 0; i < rank.count; i++) {
    // Spread evenly with jitter so ranks read as a forest, not a random scatter.
    const slot = VIEW_W / rank.count;
    specs.push({
      centerX: slot * (i + 0.5) + (random() - 0.5) * slot * 0.8,
      topY: rank.topRange[0] + random() * (rank.topRange[1] - rank.topRange[0]),
      widthPx: rank.widthRange[0] + random() * (rank.widthRange[1] - rank.widthRange[0]),
    });
  }
  return specs.map((spec) => ({
    path: pillarPath(spec, random),
    crown: rank.crownFill ? crownEllipses(spec, random) : [],
    joints: rank.crownFill ? jointLines(spec, random) : '',
  }));
}

/** [offset, colour, opacity]; no opacity means opaque. */
type GradientStop = [number, string, number?];

function verticalGradient(id: string, stops: GradientStop[]): string {
  const stopTags = stops.map(
    ([offset, colour, opacity]) =>
      `<stop offset="${offset}" stop-color="${colour}"${opacity === undefined ? '' : ` stop-opacity="${opacity}"`}/>`,
  );
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stopTags.join('')}</linearGradient>`;
}

function mistBand(y: number, heightPx: number, opacity: number): string {
  return `<rect x="0" y="${y}" width="${VIEW_W}" height="${heightPx}" fill="url(#yun-mist-band)" opacity="${round(opacity)}"/>`;
}

/** Opacities stepped by tenths print as 0.35, not 0.35000000000000003. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The whole picture as a standalone SVG document, 1440×800: the image scales it to cover its
 * box anchored at the bottom centre, as the inline drawing's xMidYMax slice did.
 */
export function mistyPillarsSvg(): string {
  const defs = [
    verticalGradient('yun-sky', [
      [0, '#0b1612'],
      [0.55, '#2a3c35'],
      [0.8, '#51645b'],
    ]),
    '<radialGradient id="yun-sun" cx="0.72" cy="0.42" r="0.45">' +
      '<stop offset="0" stop-color="#e8cf9c" stop-opacity="0.55"/>' +
      '<stop offset="0.35" stop-color="#c59b55" stop-opacity="0.18"/>' +
      '<stop offset="1" stop-color="#c59b55" stop-opacity="0"/>' +
      '</radialGradient>',
    ...RANKS.map((rank) => verticalGradient(rank.gradientId, rank.gradientStops)),
    verticalGradient('yun-mist-band', [
      [0, '#c9d3cc', 0],
      [0.55, '#c9d3cc', 0.75],
      [1, '#c9d3cc', 0],
    ]),
    verticalGradient('yun-cloud-sea', [
      [0, '#8d9d95', 0],
      [0.45, '#5b6d65', 0.65],
      [1, '#08110e'],
    ]),
  ];
  const ranks = RANKS.map((rank, rankIndex) => {
    const pillars = rankPillars(rank).map(({ path, crown, joints }) => {
      const jointPath = joints ? `<path d="${joints}" stroke="#0b1612" stroke-opacity="0.35" stroke-width="2" fill="none"/>` : '';
      const crownTags = crown.map(([cx, cy, rx, ry]) => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${rank.crownFill}"/>`);
      return `<g><path d="${path}" fill="url(#${rank.gradientId})"/>${jointPath}${crownTags.join('')}</g>`;
    });
    const band = rankIndex < RANKS.length - 1 ? mistBand(470 + rankIndex * 55, 260 - rankIndex * 30, 0.55 - rankIndex * 0.1) : '';
    return `<g>${pillars.join('')}${band}</g>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${VIEW_W}" height="${VIEW_H}" viewBox="0 0 ${VIEW_W} ${VIEW_H}" preserveAspectRatio="xMidYMax slice">` +
    `<defs>${defs.join('')}</defs>` +
    `<rect width="${VIEW_W}" height="${VIEW_H}" fill="url(#yun-sky)"/>` +
    `<rect width="${VIEW_W}" height="${VIEW_H}" fill="url(#yun-sun)"/>` +
    ranks.join('') +
    `<rect x="0" y="${VIEW_H - 300}" width="${VIEW_W}" height="300" fill="url(#yun-cloud-sea)"/>` +
    '</svg>'
  );
}
