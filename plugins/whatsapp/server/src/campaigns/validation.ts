import { z } from 'zod';
import { documentId, isoDateTime } from '../validation/common';
import { variableSourceSchema } from '../validation/variable-mapping';
import { audienceSchema } from '../audiences/schema';

export { audienceSchema };

const campaignFields = z
  .object({
    name: z.string().trim().min(1).max(255),
    template: documentId.nullish(),
    variableMapping: z.record(z.string().regex(/^\d+$/, 'Keys are placeholder numbers such as "1"'), variableSourceSchema).nullish(),
    audience: audienceSchema.nullish(),
    scheduledAt: isoDateTime.nullish(),
  })
  .strict();

export const campaignCreateSchema = campaignFields;
export const campaignUpdateSchema = campaignFields.partial();
