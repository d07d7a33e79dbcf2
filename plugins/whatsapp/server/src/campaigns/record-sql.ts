import { jsonColumn, rowsOf } from '../database/sql-row';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LINK_TABLE, TABLE, jsonParam } from '../database/strapi-tables';
import type { CampaignState } from '../../../shared/statuses';
import type { VariableMapping } from '../../../shared/variable-mapping';

/**
 * The campaign row as the actions see it. Why SQL: every action reads the state and changes it
 * under a row lock (`FOR UPDATE`), so two launches (a click and the scheduler, or two instances)
 * can never both go ahead; the Document Service takes no row locks.
 */

/** Any stored shape; audiences/audience.ts reads it. */
export type CampaignAudience = Record<string, unknown>;

export type LockedCampaign = {
  id: number;
  documentId: string;
  name: string;
  state: CampaignState;
  scheduledAt: Date | null;
  variableMapping: VariableMapping | null;
  audience: CampaignAudience | null;
  templateDocumentId: string | null;
};

type Row = Record<string, unknown>;


const toCampaign = (row: Row): LockedCampaign => ({
  id: Number(row.id),
  documentId: String(row.document_id),
  name: String(row.name ?? ''),
  state: row.state as CampaignState,
  scheduledAt: (row.scheduled_at as Date | null) ?? null,
  variableMapping: jsonColumn<VariableMapping>(row.variable_mapping),
  audience: jsonColumn<CampaignAudience>(row.audience),
  templateDocumentId: (row.template_document_id as string | null) ?? null,
});

export type StateChange = {
  state: CampaignState;
  startedAt?: 'now';
  completedAt?: 'now' | null;
  stateReason?: string | null;
  stats?: unknown;
};

export const createCampaignRecordRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;
  const C = TABLE.campaign;

  return {
    /** The campaign, locked until `trx` ends; null when there is none. */
    async lock(trx: Knex.Transaction, documentId: string): Promise<LockedCampaign | null> {
      const result = await db(trx).raw(
        `SELECT c.id, c.document_id, c.name, c.state, c.scheduled_at, c.variable_mapping, c.audience,
                (SELECT t.document_id FROM ${LINK_TABLE.campaignTemplate} l JOIN ${TABLE.template} t ON t.id = l.template_id
                  WHERE l.campaign_id = c.id LIMIT 1) AS template_document_id
           FROM ${C} c WHERE c.document_id = ? ORDER BY c.id LIMIT 1 FOR UPDATE OF c`,
        [documentId]
      );
      const row = rowsOf(result)[0];
      return row ? toCampaign(row) : null;
    },

    async setState(trx: Knex.Transaction, id: number, change: StateChange): Promise<void> {
      const sets = ['state = ?', 'updated_at = now()'];
      const params: unknown[] = [change.state];
      if (change.startedAt === 'now') sets.push('started_at = now()');
      if (change.completedAt === 'now') sets.push('completed_at = now()');
      if (change.completedAt === null) sets.push('completed_at = NULL');
      if (change.stateReason !== undefined) {
        sets.push('state_reason = ?');
        params.push(change.stateReason);
      }
      if (change.stats !== undefined) {
        sets.push('stats = CAST(? AS jsonb)');
        params.push(jsonParam(change.stats));
      }
      await db(trx).raw(`UPDATE ${C} SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
    },

    async saveStats(id: number, stats: unknown): Promise<void> {
      await db().raw(`UPDATE ${C} SET stats = CAST(? AS jsonb) WHERE id = ?`, [jsonParam(stats), id]);
    },

    async findIdByDocumentId(documentId: string): Promise<number | null> {
      const row = rowsOf(await db().raw(`SELECT id FROM ${C} WHERE document_id = ? ORDER BY id LIMIT 1`, [documentId]))[0];
      return row ? Number(row.id) : null;
    },

    async findIdsByDocumentIds(documentIds: string[]): Promise<Map<string, number>> {
      if (documentIds.length === 0) return new Map();
      const rows = rowsOf(await db().raw(`SELECT id, document_id FROM ${C} WHERE document_id = ANY(?)`, [documentIds]));
      return new Map(rows.map((row) => [String(row.document_id), Number(row.id)]));
    },

    /** Scheduled campaigns due now, oldest first. */
    async findDueScheduled(limit: number): Promise<string[]> {
      const rows = rowsOf(
        await db().raw(
          `SELECT document_id FROM ${C} WHERE state = 'scheduled' AND scheduled_at <= now() ORDER BY scheduled_at, id LIMIT ?`,
          [limit]
        )
      );
      return rows.map((row) => String(row.document_id));
    },

    async current(documentId: string): Promise<{ id: number; state: CampaignState; scheduledAt: Date | null } | null> {
      const row = rowsOf(
        await db().raw(`SELECT id, state, scheduled_at FROM ${C} WHERE document_id = ? ORDER BY id LIMIT 1`, [documentId])
      )[0];
      return row ? { id: Number(row.id), state: row.state as CampaignState, scheduledAt: (row.scheduled_at as Date | null) ?? null } : null;
    },
  };
};

export type CampaignRecordRepository = ReturnType<typeof createCampaignRecordRepository>;
