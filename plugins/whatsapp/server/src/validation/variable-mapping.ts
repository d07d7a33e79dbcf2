import { z } from 'zod';

const CANDIDATE_FIELDS = ['name', 'phone', 'email'] as const;

/** Where a placeholder's value comes from: a candidate field, an attribute, or fixed text. */
export const variableSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('field'), field: z.enum(CANDIDATE_FIELDS) }).strict(),
  z.object({ source: z.literal('attribute'), key: z.string().min(1).max(64) }).strict(),
  z.object({ source: z.literal('text'), value: z.string().max(1000) }).strict(),
]);
