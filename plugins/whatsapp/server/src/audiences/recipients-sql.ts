import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLAIN_TABLE } from '../constants';
import type { SqlFragment } from './filters-sql';
import { rowsOf } from '../database/sql-row';

/**
 * The two uses of a recipient plan (plan-sql.ts). SQL because both are set-based over up to the
 * whole candidates table: the launch writes every recipient in one INSERT … SELECT, the preview
 * counts them and picks a few samples in one statement.
 */

const R = PLAIN_TABLE.campaignRecipient;

type Row = Record<string, unknown>;

/** Grouped counts: `skipReason` null for recipients who are sent to. */
export type PlanCounts = Array<{ skipReason: string | null; count: number }>;

export type PlanSample = {
  documentId: string;
  name: string | null;
  phone: string | null;
  skipReason: string | null;
  skipDetail: string | null;
  variables: Record<string, string>;
};

/** A launch that writes this many recipients refreshes the table's planner statistics. */
const ANALYZE_AFTER_ROWS = 1_000;

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export const createRecipientPlanRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;

  return {
    /**
     * Every recipient of the plan, in candidate order, in one statement; the unique (campaign,
     * candidate) key makes a second insert of the same recipient a no-op. Returns the counts written.
     */
    async insertRecipients(trx: Knex.Transaction, campaign: { id: number; sender: string; templateId: number }, plan: SqlFragment): Promise<PlanCounts> {
      const result = await db(trx).raw(
        `WITH written AS (
           INSERT INTO ${R} (campaign_id, candidate_id, sender, template_id, variables, state, skip_reason, skip_detail, created_at, updated_at)
           SELECT CAST(? AS integer), p.candidate_id, CAST(? AS varchar), CAST(? AS integer),
                  CASE WHEN p.skip_reason IS NULL THEN p.variables END,
                  CASE WHEN p.skip_reason IS NULL THEN 'waiting' ELSE 'skipped' END,
                  p.skip_reason, p.skip_detail, now(), now()
             FROM (${plan.sql}) p
            ORDER BY p.candidate_id
           ON CONFLICT (campaign_id, candidate_id) DO NOTHING
           RETURNING skip_reason
         )
         SELECT skip_reason, count(*)::int AS n FROM written GROUP BY 1`,
        [campaign.id, campaign.sender, campaign.templateId, ...plan.bindings]
      );
      const counts = rowsOf(result).map((row) => ({ skipReason: (row.skip_reason as string | null) ?? null, count: Number(row.n) }));
      // A big launch changes the table's make-up at once; until autovacuum gets round to it, the
      // planner would plan the dispatcher's claims from statistics of the table as it was.
      if (counts.reduce((sum, group) => sum + group.count, 0) >= ANALYZE_AFTER_ROWS) await db(trx).raw(`ANALYZE ${R}`);
      return counts;
    },

    /**
     * Counts per skip reason, and which recipients to show as samples: up to `samples` who are sent
     * to, then one of each skip reason. Only who and why is computed here (no rendering).
     */
    async countAndPick(plan: SqlFragment, samples: number): Promise<{ counts: PlanCounts; picked: Array<{ documentId: string; skipReason: string | null }> }> {
      const result = await db().raw(
        `WITH plan AS MATERIALIZED (SELECT p.candidate_id, p.document_id, p.skip_reason FROM (${plan.sql}) p)
         SELECT
           (SELECT COALESCE(json_agg(g), '[]') FROM (SELECT skip_reason, count(*)::int AS n FROM plan GROUP BY 1) g) AS counts,
           (SELECT COALESCE(json_agg(s), '[]')
              FROM ((SELECT candidate_id, document_id, skip_reason FROM plan WHERE skip_reason IS NULL ORDER BY candidate_id LIMIT ?)
                    UNION ALL
                    (SELECT DISTINCT ON (skip_reason) candidate_id, document_id, skip_reason FROM plan
                      WHERE skip_reason IS NOT NULL ORDER BY skip_reason, candidate_id)) s) AS picked`,
        [...plan.bindings, samples]
      );
      const row = rowsOf(result)[0] ?? {};
      const counts = parseJson<Array<{ skip_reason: string | null; n: number }>>(row.counts ?? '[]');
      const picked = parseJson<Row[]>(row.picked ?? '[]');
      return {
        counts: counts.map((group) => ({ skipReason: group.skip_reason, count: Number(group.n) })),
        picked: picked.map((sample) => ({ documentId: String(sample.document_id), skipReason: (sample.skip_reason as string | null) ?? null })),
      };
    },

    /** Every row of a (small) plan with its rendering: names, numbers, placeholder values, details. */
    async rows(plan: SqlFragment): Promise<PlanSample[]> {
      const result = await db().raw(`SELECT p.* FROM (${plan.sql}) p ORDER BY p.candidate_id`, plan.bindings);
      return rowsOf(result).map((sample) => ({
        documentId: String(sample.document_id),
        name: (sample.name as string | null) ?? null,
        phone: (sample.phone as string | null) ?? null,
        skipReason: (sample.skip_reason as string | null) ?? null,
        skipDetail: (sample.skip_detail as string | null) ?? null,
        variables: parseJson<Record<string, string> | null>(sample.variables) ?? {},
      }));
    },
  };
};
