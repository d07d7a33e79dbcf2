import { z } from 'zod';
import { TEMPLATE_BODY_MAX } from '../domain/placeholders';
import { TEMPLATE_CATEGORIES } from '../../../shared/statuses';

// Shape only: the placeholder rules run for every writer in document-middlewares/template-rules.ts.
const templateFields = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(512)
      // Meta requires lowercase letters, digits and underscores in template names.
      .regex(/^[a-z0-9_]+$/, 'Use lowercase letters, digits and underscores, e.g. interview_reminder'),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'Use a WhatsApp language code such as en, en_US or hi'),
    category: z.enum(TEMPLATE_CATEGORIES),
    // Generous here so the length rule can answer with its own message.
    body: z.string().min(1).max(TEMPLATE_BODY_MAX * 4),
    variables: z.record(z.string().regex(/^\d+$/, 'Keys are placeholder numbers such as "1"'), z.string().max(1000)).nullish(),
  })
  .strict();

export const templateCreateSchema = templateFields.extend({
  language: templateFields.shape.language.default('en'),
  category: templateFields.shape.category.default('UTILITY'),
});
export const templateUpdateSchema = templateFields.partial();
