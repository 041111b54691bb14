// The short form of a published route that the catalogue lists: enough to choose
// a tour, without keyframes or narration.
import type { LandmarkId } from '@/scenes/world/landmarks';
import type { LocalizedText, SceneId, TimeOfDay } from '@/scenes/routes/route-schema';
import type { PublishedRoute } from './route-store';

export interface RouteSummary {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  landmark: LandmarkId;
  durationS: number;
  timeOfDay: TimeOfDay;
  scene: SceneId;
  revision: number;
  poiCount: number;
}

export function toRouteSummary({ route, revision }: PublishedRoute): RouteSummary {
  return {
    id: route.id,
    title: route.title,
    description: route.description,
    landmark: route.landmark,
    durationS: route.durationS,
    timeOfDay: route.timeOfDay,
    scene: route.scene,
    revision,
    poiCount: route.pointsOfInterest.length,
  };
}
