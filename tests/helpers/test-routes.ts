// Valid routes built in tests, so store and API tests do not depend on the curated set.
import { RouteSchema, type Route, type RouteInput } from '@/scenes/routes/route-schema';

/** A short, valid route near Hallelujah Mountain; overrides replace whole fields. */
export function buildTestRoute(id: string, overrides: Partial<RouteInput> = {}): Route {
  return RouteSchema.parse({
    id,
    scene: 'wulingyuan',
    landmark: 'hallelujah-mountain',
    title: { zh: `测试路线 ${id}`, en: `Test route ${id}` },
    description: { zh: '绕乾坤柱飞行一圈。', en: 'One loop around the Southern Sky Column.' },
    durationS: 40,
    timeOfDay: 'sunrise',
    keyframes: [
      { timeS: 0, position: [-900, 900, -350], lookAt: [-650, 1000, -350] },
      { timeS: 20, position: [-650, 950, -600], lookAt: [-650, 1000, -350] },
      { timeS: 40, position: [-400, 1000, -350], lookAt: [-650, 1000, -350] },
    ],
    pointsOfInterest: [
      {
        id: 'summit',
        title: { zh: '乾坤柱', en: 'Southern Sky Column' },
        narration: { zh: '一根孤立的砂岩石柱。', en: 'A lone sandstone pillar.' },
        position: [-650, 1080, -350],
        timeS: 5,
        dwellS: 8,
      },
    ],
    ...overrides,
  } satisfies RouteInput);
}

/** The shortest route the schema allows (20 s: 601 frames in 21 segments), for tests that bake it. */
export function buildShortestTestRoute(id: string): Route {
  return buildTestRoute(id, {
    durationS: 20,
    keyframes: [
      { timeS: 0, position: [-900, 900, -350], lookAt: [-650, 1000, -350] },
      { timeS: 10, position: [-650, 950, -600], lookAt: [-650, 1000, -350] },
      { timeS: 20, position: [-400, 1000, -350], lookAt: [-650, 1000, -350] },
    ],
  });
}
