import { z } from 'zod';
import { TEMPLATE_BODY_MAX, validateTemplateBody } from '../domain/placeholders';
import { TEMPLATE_CATEGORIES } from '../domain/statuses';

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
    body: z.string().min(1).max(TEMPLATE_BODY_MAX * 4),
    variables: z.record(z.string().regex(/^\d+$/), z.string().max(1000)).nullish(),
  })
  .strict();

const withPlaceholderRules = <S extends z.ZodType<{ body?: string; variables?: Record<string, string> | null }>>(schema: S) =>
  schema.superRefine((value, ctx) => {
    if (value.body === undefined) return;
    for (const issue of validateTemplateBody(value.body, value.variables ?? undefined)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });

export const templateCreateSchema = withPlaceholderRules(
  templateFields.extend({
    language: templateFields.shape.language.default('en'),
    category: templateFields.shape.category.default('UTILITY'),
  })
);
export const templateUpdateSchema = withPlaceholderRules(templateFields.partial());
