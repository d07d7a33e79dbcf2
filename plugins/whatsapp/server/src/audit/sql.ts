import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLAIN_TABLE } from '../constants';
import type { Actor } from '../../../shared/audit';
import type { AuditListQuery } from './validation';

const A = PLAIN_TABLE.auditLog;

type Row = Record<string, unknown>;

export type AuditRecord = {
  action: string;
  subject: { type: string; id?: string | null; label?: string | null };
  actor: Actor;
  details?: Record<string, unknown> | null;
};

/** Escapes LIKE's wildcards so a name is matched as typed. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const whereOf = (query: Omit<AuditListQuery, 'page' | 'pageSize'>, bindings: unknown[]) => {
  const conditions: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(`${column} = ?`);
    bindings.push(value);
  };
  equal('action', query.action);
  equal('actor_type', query.actorType);
  equal('actor_id', query.actorId);
  equal('subject_type', query.subjectType);
  equal('subject_id', query.subjectId);
  if (query.actor) {
    conditions.push('actor_name ILIKE ?');
    bindings.push(likeContains(query.actor));
  }
  if (query.from) {
    conditions.push('at >= CAST(? AS timestamptz)');
    bindings.push(query.from);
  }
  if (query.to) {
    conditions.push('at < CAST(? AS timestamptz)');
    bindings.push(query.to);
  }
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
};

/** The audit log: append-only (no update or delete statement exists), read newest first. */
export const createAuditRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;

  return {
    async insert(entry: AuditRecord, trx?: Knex.Transaction): Promise<void> {
      await db(trx).raw(
        `INSERT INTO ${A} (action, subject_type, subject_id, subject_label, actor_type, actor_id, actor_name, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))`,
        [
          entry.action,
          entry.subject.type,
          entry.subject.id ?? null,
          entry.subject.label ?? null,
          entry.actor.type,
          entry.actor.id,
          entry.actor.name,
          entry.details ? JSON.stringify(entry.details) : null,
        ]
      );
    },

    async page(query: AuditListQuery): Promise<{ rows: Row[]; total: number }> {
      const bindings: unknown[] = [];
      const where = whereOf(query, bindings);
      const [rows, count] = await Promise.all([
        db().raw(`SELECT * FROM ${A} ${where} ORDER BY at DESC, id DESC LIMIT ? OFFSET ?`, [
          ...bindings,
          query.pageSize,
          (query.page - 1) * query.pageSize,
        ] as Knex.RawBinding[]),
        db().raw(`SELECT count(*)::int AS total FROM ${A} ${where}`, bindings as Knex.RawBinding[]),
      ]);
      return { rows: (rows as { rows: Row[] }).rows, total: Number((count as { rows: Row[] }).rows[0]?.total ?? 0) };
    },
  };
};
