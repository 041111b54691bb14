// What names a bake and what its frames are: the key it is stored and served under, and the
// picture facts. One definition for the frame store's manifest and the HTTP manifest built
// from it. Pure.
import { z } from 'zod';
import { ProfileIdSchema } from './profile-id-schema';

export const BakeKeySchema = z.strictObject({
  sceneVersion: z.string().min(1),
  routeId: z.string().min(1),
  revision: z.number().int().min(1),
  profileId: ProfileIdSchema,
});

/** Spread into a manifest's object schema: codec, frame size, frame rate and frame count. */
export const BAKE_PICTURE_FIELDS = {
  codec: z.enum(['vp8', 'vp9', 'jpeg']),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  fps: z.number().int().min(1),
  frameCount: z.number().int().min(1),
};
