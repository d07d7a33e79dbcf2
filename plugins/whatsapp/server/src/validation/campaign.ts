import { z } from 'zod';
import { documentId, isoDateTime } from './common';
import { audienceSchema } from '../audiences/schema';

const CANDIDATE_FIELDS = ['name', 'phone', 'email'] as const;

/** Where a placeholder's value comes from. */
export const variableSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('field'), field: z.enum(CANDIDATE_FIELDS) }).strict(),
  z.object({ source: z.literal('attribute'), key: z.string().min(1).max(64) }).strict(),
  z.object({ source: z.literal('text'), value: z.string().max(1000) }).strict(),
]);

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
