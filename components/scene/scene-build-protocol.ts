// The messages between the page and the scene-build worker: a request names a scene, seed and
// tier; the reply carries the build (its mesh buffers transferred, not copied) or an error.
import { z } from 'zod';
import { SceneIdSchema } from '@/scenes/routes/route-schema';
import type { SceneBuild } from '@/scenes/world/scene-build';

export const sceneBuildRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  scene: SceneIdSchema,
  seed: z.number().int(),
  tier: z.enum(['phone', 'laptop', 'bake']),
});
export type SceneBuildRequestMessage = z.infer<typeof sceneBuildRequestSchema>;

export type SceneBuildReply = { id: number; ok: true; build: SceneBuild } | { id: number; ok: false; error: string };
