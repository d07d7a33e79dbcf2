import { z } from 'zod';
import { SAVED_REPLY_TEXT_MAX, SHORTCUT_MAX, SHORTCUT_PATTERN, unknownPlaceholders } from '../../../shared/saved-replies';

/** What people type: `/Welcome ` is the shortcut `welcome`. */
export const normalizeShortcut = (value: string) => value.trim().replace(/^\/+/, '').toLowerCase();

const shortcut = z
  .string()
  .transform(normalizeShortcut)
  .pipe(
    z
      .string()
      .min(1, 'A shortcut is required')
      .max(SHORTCUT_MAX, `A shortcut is at most ${SHORTCUT_MAX} characters`)
      .regex(new RegExp(SHORTCUT_PATTERN), 'A shortcut uses lowercase letters, digits, - and _ (no spaces)')
  );

const text = z
  .string()
  .trim()
  .min(1, 'The text is required')
  .max(SAVED_REPLY_TEXT_MAX, `A saved reply is at most ${SAVED_REPLY_TEXT_MAX} characters (one WhatsApp message)`)
  .superRefine((value, context) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((path) => `{{${path}}}`).join(', ')}: use {{candidate.name}}, {{candidate.firstName}}, {{candidate.phone}}, {{candidate.email}} or {{candidate.attributes.<key>}}`,
      });
    }
  });

export const savedReplyCreateSchema = z.strictObject({ shortcut, text });
export const savedReplyUpdateSchema = z.strictObject({ shortcut: shortcut.optional(), text: text.optional() });

/** GET /saved-replies (admin): an optional search on shortcut and text. */
export const savedReplyListQuerySchema = z.object({ search: z.string().trim().max(100).optional() });
