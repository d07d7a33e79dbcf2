import { z } from 'zod';
import { CAMPAIGN_STATES } from '../../../shared/statuses';

/** `GET /campaigns` (admin): newest first, optionally one state. */
export const adminCampaignListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    state: z.enum(CAMPAIGN_STATES).optional(),
  })
  .strict();

export type AdminCampaignListQuery = z.output<typeof adminCampaignListQuerySchema>;
