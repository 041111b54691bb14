// Choosing a route time far from a given one. The pillar forest keeps its level-of-detail
// plan while the camera moves little, so a frame depends on the frames before it; drawing
// a hidden frame far away first forces a fresh plan, making every segment (and a resumed
// bake) independent of what was rendered before it.
import { poseAt } from '@/scenes/routes/pose';
import type { Route } from '@/scenes/routes/route-schema';

const CANDIDATE_FRACTIONS = [0, 0.25, 0.5, 0.75, 1];

export function farawayTimeS(route: Route, timeS: number): number {
  const here = poseAt(route, timeS).position;
  let best = 0;
  let bestDistanceSq = -1;
  for (const fraction of CANDIDATE_FRACTIONS) {
    const candidateS = fraction * route.durationS;
    const there = poseAt(route, candidateS).position;
    const distanceSq = (there[0] - here[0]) ** 2 + (there[1] - here[1]) ** 2 + (there[2] - here[2]) ** 2;
    if (distanceSq > bestDistanceSq) {
      best = candidateS;
      bestDistanceSq = distanceSq;
    }
  }
  return best;
}
