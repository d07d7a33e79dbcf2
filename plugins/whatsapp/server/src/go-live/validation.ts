import { z } from 'zod';
import { GO_LIVE_CHECKS } from '../../../shared/go-live';

/** `GET /settings/checks?check=<id>`: one check, or all of them without. */
export const checksQuerySchema = z.object({ check: z.enum(GO_LIVE_CHECKS).optional() }).strict();
