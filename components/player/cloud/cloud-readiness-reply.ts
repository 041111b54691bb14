// The reply of GET /api/routes/:id/cloud, checked at the boundary. Its own module, loaded by
// use-live-cloud-readiness only when it first asks: the schema brings zod, which a tour's
// first load (the poster, before play) does not need.
import { z } from 'zod';
import { CloudReadinessSchema } from '@/server/render-api/render-api-contract';

export const CloudReadinessReplySchema = z.object({ readiness: CloudReadinessSchema });
