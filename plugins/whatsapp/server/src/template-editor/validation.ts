import { z } from 'zod';
import { templateCreateSchema } from '../templates/validation';

/**
 * `POST /templates` and `PUT /templates/:id` (admin): the whole template as the editor holds it.
 * Header media and quick replies are checked with the submit route's rules (validation/template-actions.ts).
 */
export const templateEditorSchema = templateCreateSchema.extend({
  media: z.unknown().optional(),
  quickReplies: z.unknown().optional(),
});

export type TemplateEditorInput = z.infer<typeof templateEditorSchema>;
