import { z } from 'zod';
import { OPT_IN_STATES } from '../../../shared/statuses';
import { isoDateTime } from '../validation/common';

const attributeValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const candidateFieldsSchema = z
  .object({
    name: z.string().trim().max(255).nullish(),
    phone: z.string({ error: 'phone is required' }).trim().min(1, 'phone is required').max(40),
    email: z.email().max(255).nullish().or(z.literal('').transform(() => null)),
    optIn: z.enum(OPT_IN_STATES).optional(),
    optInAt: isoDateTime.nullish(),
    optInSource: z.string().trim().max(255).nullish(),
    optOutAt: isoDateTime.nullish(),
    tags: z.array(z.string().trim().min(1).max(64)).max(100).nullish(),
    // Values usable in templates: {{1}} ← attributes.course, etc.
    attributes: z.record(z.string().min(1).max(64), attributeValue).nullish(),
  })
  .strict();

export const candidateCreateSchema = candidateFieldsSchema;
export const candidateUpdateSchema = candidateFieldsSchema.partial();

export type CandidateInput = z.infer<typeof candidateFieldsSchema>;
