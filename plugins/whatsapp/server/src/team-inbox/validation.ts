import { z } from 'zod';
import { NOTE_BODY_MAX } from '../../../shared/team-inbox';

/** PUT /inbox/conversations/:id/assignee: `{ data: { assignee: <admin user id> | null } }`. */
export const assignBodySchema = z.object({ assignee: z.number().int().positive().nullable() });

/** POST /inbox/conversations/:id/notes. */
export const noteBodySchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'A note cannot be empty')
    .max(NOTE_BODY_MAX, `A note is at most ${NOTE_BODY_MAX} characters`),
});

/** PUT /team-inbox/settings: a role is required to turn auto-assignment on. */
export const autoAssignBodySchema = z
  .object({ enabled: z.boolean(), roleId: z.number().int().positive().nullable() })
  .refine((value) => !value.enabled || value.roleId !== null, { message: 'Choose the role whose admins share new conversations', path: ['roleId'] });
