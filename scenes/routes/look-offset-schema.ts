// A look offset as it arrives from outside (a test handle, a message): finite yaw, pitch
// within a half turn. Apart from look-offset.ts so the player's first load carries no zod.
import { z } from 'zod';

export const LookOffsetSchema = z.object({
  yawRad: z.number().finite(),
  pitchRad: z.number().finite().min(-Math.PI).max(Math.PI),
});
