// What the cloud player shows from a sphere frame: the route's direction at the frame's time
// (poseAt) turned by the visitor's look offset, and where the route's sights fall in that view.
// Pure: the sphere view renderer and the sight marks both read it, and so do the tests.
import { poseAt } from '@/scenes/routes/pose';
import type { LookOffset } from '@/scenes/routes/look-offset';
import type { Route, Vec3 } from '@/scenes/routes/route-schema';
import { projectToView, sphereViewOf, type SphereView } from '@/scenes/protocol/sphere-mapping';

/** The visitor's view at route time `timeS` for a picture `aspect` (width / height) wide, with the route's field of view. */
export function sphereLookAt(route: Route, timeS: number, offset: LookOffset, aspect: number): { view: SphereView; eye: Vec3 } {
  const pose = poseAt(route, timeS);
  const routeDirection: Vec3 = [pose.lookAt[0] - pose.position[0], pose.lookAt[1] - pose.position[1], pose.lookAt[2] - pose.position[2]];
  return { view: sphereViewOf(routeDirection, offset, pose.fovDeg, aspect), eye: pose.position };
}

export interface SightMark {
  id: string;
  /** Position in the view, 0–1 from the left and from the top. */
  x: number;
  y: number;
}

/** The route's sights inside the view (a little margin allowed, so a mark slides out rather than vanishing at the edge). */
export function sightMarksIn(route: Route, view: SphereView, eye: Vec3, marginNdc = 0.05): SightMark[] {
  const marks: SightMark[] = [];
  for (const sight of route.pointsOfInterest) {
    const at = projectToView(view, eye, sight.position);
    if (at === null || Math.abs(at.ndcX) > 1 + marginNdc || Math.abs(at.ndcY) > 1 + marginNdc) continue;
    marks.push({ id: sight.id, x: (at.ndcX + 1) / 2, y: (1 - at.ndcY) / 2 });
  }
  return marks;
}
