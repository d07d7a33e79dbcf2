import { z } from 'zod';
import { ACTOR_TYPES, AUDIT_ACTIONS } from '../../../shared/audit';
import { isoDateTime } from '../validation/common';

/** `GET /audit` (admin): newest first, filtered by action, actor, subject and time. */
export const auditListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    action: z.enum(AUDIT_ACTIONS).optional(),
    actorType: z.enum(ACTOR_TYPES).optional(),
    actorId: z.string().trim().min(1).max(64).optional(),
    /** Part of the actor's name, any case. */
    actor: z.string().trim().min(1).max(100).optional(),
    subjectType: z.enum(['campaign', 'settings']).optional(),
    subjectId: z.string().trim().min(1).max(64).optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .strict();

export type AuditListQuery = z.output<typeof auditListQuerySchema>;
