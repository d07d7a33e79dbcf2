import { z } from 'zod';
import { documentId } from '../validation/common';
import { variableSourceSchema } from '../validation/variable-mapping';
import { audienceSchema } from './schema';

/** `POST /campaigns/preview`: a template, a mapping and an audience; nothing is written. */
export const previewInputSchema = z
  .object({
    template: documentId,
    variableMapping: z.record(z.string().regex(/^\d+$/, 'Keys are placeholder numbers such as "1"'), variableSourceSchema).nullish(),
    audience: audienceSchema,
    /** How many recipients who are sent to are rendered as samples. */
    samples: z.number().int().min(0).max(10).default(3),
  })
  .strict();

export type PreviewInput = z.output<typeof previewInputSchema>;
