import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ActorType, AuditAction, AuditEntry, AuditListAnswer } from '../../../shared/audit';
import { jsonColumn } from '../database/sql-row';
import { createAuditRepository, type AuditRecord } from './sql';
import type { AuditListQuery } from './validation';
import { pageMeta } from '../utils/page-meta';

type Row = Record<string, unknown>;

const stringOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

const entryOf = (row: Row): AuditEntry => ({
  id: Number(row.id),
  at: new Date(row.at as string).toISOString(),
  action: row.action as AuditAction,
  subject: { type: String(row.subject_type), id: stringOrNull(row.subject_id), label: stringOrNull(row.subject_label) },
  actor: { type: row.actor_type as ActorType, id: stringOrNull(row.actor_id), name: stringOrNull(row.actor_name) },
  details: jsonColumn<Record<string, unknown>>(row.details) ?? null,
});

/** Records campaign actions and settings changes with who did them; reads them for the Audit page. */
export const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createAuditRepository(strapi);
  return {
    /**
     * Appends one entry. Given the action's transaction, the entry exists exactly when the
     * action committed. `details` must never hold a secret (say which settings changed, not to what).
     */
    async record(entry: AuditRecord & { action: AuditAction }, trx?: Knex.Transaction): Promise<void> {
      await repository().insert(entry, trx);
    },

    async list(query: AuditListQuery): Promise<AuditListAnswer> {
      const { rows, total } = await repository().page(query);
      return {
        data: rows.map(entryOf),
        meta: { pagination: pageMeta(query, total) },
      };
    },
  };
};

export type AuditService = ReturnType<typeof createAuditService>;
