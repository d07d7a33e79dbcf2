import { z } from 'zod';
import { IMPORT_OUTCOMES } from '../../../shared/candidate-import';
import { documentId } from '../validation/common';

export const importJobSchema = z.object({ importId: documentId });

/** Column header → target; the targets themselves are checked against the file's headers (mapping.ts). */
const mappingSchema = z.record(z.string(), z.string());

/** `POST /candidate-imports/:id/dry-run` and `/commit`: `{ data: { mapping? } }`. */
export const runBodySchema = z.object({ mapping: mappingSchema.optional() }).strict();

export const reportQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    outcome: z.enum(IMPORT_OUTCOMES).optional(),
  })
  .strict();

const booleanText = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((value) => value === true || value === 'true' || value === '1');

/** `mapping` arrives as JSON text in a multipart field or a query parameter. */
const mappingField = z
  .union([mappingSchema, z.string()])
  .transform((value, context) => {
    if (typeof value !== 'string') return value;
    try {
      const parsed: unknown = JSON.parse(value);
      const result = mappingSchema.safeParse(parsed);
      if (result.success) return result.data;
    } catch {
      // reported below
    }
    context.addIssue({ code: 'custom', message: 'mapping must be a JSON object of column header → field' });
    return z.NEVER;
  });

/** `POST /candidates/import` options, from the query string or the multipart fields. */
export const restImportOptionsSchema = z.object({
  dryRun: booleanText.default(false),
  mapping: mappingField.optional(),
});
