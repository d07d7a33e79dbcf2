import type { Core } from '@strapi/strapi';
import { PLAIN_TABLE, UID } from '../constants';
import {
  IMPORTED_CANDIDATE_COLUMNS,
  MAX_CANDIDATE_TAGS,
  createSpareDocumentIds,
  defaultColumns,
  importCandidatesWith,
  planCandidatesWith,
} from '../database/strapi-tables';
import { prepareStatement, runUnnamedOn, type PreparedStatement } from '../database/prepared-statement';
import { addCounts, emptyCounts, type ImportCounts } from '../../../shared/candidate-import';
import { jsonList, rowsNumbered, type ImportBatch } from './batch';

const R = PLAIN_TABLE.candidateImportRow;

/** Why a row is invalid when its tags, merged with the stored candidate's if any, are too many. */
const TOO_MANY_TAGS = { tooMany: `More than ${MAX_CANDIDATE_TAGS} tags`, tooManyWithStored: `More than ${MAX_CANDIDATE_TAGS} tags with the stored ones` };

/**
 * What the import adds to the gateway's WITH clause: the batch's report rows, written by the same
 * statement (so the report of a committed batch is committed with it), and the batch's counts.
 * Rows to run again (`retry`) get no report row yet.
 */
const reportAndCounts = `,
report AS (
  INSERT INTO ${R} (import_id, row_number, outcome, reason, phone, candidate_document_id)
  SELECT CAST(:importId AS integer), o.row_number, o.outcome,
         CASE WHEN o.outcome = 'invalid' THEN (CASE WHEN o.stored THEN CAST(:tooManyWithStored AS text) ELSE CAST(:tooMany AS text) END) END,
         o.phone, o.document_id
  FROM outcomes AS o
  WHERE o.outcome <> 'retry'
)
SELECT count(*) FILTER (WHERE o.outcome = 'created')::integer AS created,
       count(*) FILTER (WHERE o.outcome = 'updated')::integer AS updated,
       count(*) FILTER (WHERE o.outcome = 'unchanged')::integer AS unchanged,
       count(*) FILTER (WHERE o.outcome = 'invalid')::integer AS invalid,
       array_agg(o.row_number ORDER BY o.row_number) FILTER (WHERE o.outcome = 'retry') AS retry_rows
FROM outcomes AS o`;

type Statements = { plan: PreparedStatement; commit: PreparedStatement; defaults: Record<string, unknown> };

// The insert depends on the loaded model (its attribute defaults), so statements are built once per app.
const cache = new WeakMap<Core.Strapi, Statements>();

const statementsOf = (strapi: Core.Strapi): Statements => {
  let statements = cache.get(strapi);
  if (!statements) {
    const defaults = defaultColumns(strapi, UID.candidate, IMPORTED_CANDIDATE_COLUMNS, 'candidate');
    statements = {
      plan: prepareStatement('whatsapp_import_plan', planCandidatesWith() + reportAndCounts),
      commit: prepareStatement('whatsapp_import_commit', importCandidatesWith(defaults) + reportAndCounts),
      defaults: defaults.params,
    };
    cache.set(strapi, statements);
  }
  return statements;
};

type Answer = ImportCounts & { retry_rows: number[] | null };

const spareIds = createSpareDocumentIds(4000);

/**
 * The valid rows of a batch: what importing them does (dry run) or does and writes (commit); each
 * row's outcome goes to the import's report, the answer is the batch's counts.
 */
export const createImportApplier = (strapi: Core.Strapi) => ({
  /** The dry run: planned in SQL against the candidates as stored now, writing only the report. */
  async plan(importId: number, batch: ImportBatch): Promise<ImportCounts> {
    const counts = emptyCounts();
    if (batch.rows.length === 0) return counts;
    const [answer] = await runUnnamedOn<Answer>(strapi.db.connection, statementsOf(strapi).plan, {
      ...TOO_MANY_TAGS,
      importId,
      rows: jsonList(batch.rows),
    });
    if (answer) addCounts(counts, answer);
    return counts;
  },

  /**
   * The import: one transaction per batch, one statement. Rows whose number another writer (a
   * webhook) created meanwhile run again and are planned against what it wrote, so the result is
   * as if the rows came in turn.
   */
  async commit(importId: number, batch: ImportBatch): Promise<ImportCounts> {
    const statements = statementsOf(strapi);
    const counts = emptyCounts();
    const now = new Date();
    await strapi.db.connection.transaction(async (trx) => {
      let pending = batch;
      for (let attempt = 0; pending.rows.length > 0 && attempt < 3; attempt += 1) {
        const proposed = pending.rows.map(() => spareIds.take());
        const [answer] = await runUnnamedOn<Answer>(trx, statements.commit, {
          ...statements.defaults,
          ...TOO_MANY_TAGS,
          importId,
          rows: jsonList(pending.rows),
          documentIds: proposed,
          now,
        });
        if (answer) addCounts(counts, answer);
        const retry = answer?.retry_rows ?? [];
        // The created rows took the first ids (retried ones too, though nothing was stored with theirs).
        for (const id of proposed.slice((answer?.created ?? 0) + retry.length)) spareIds.giveBack(id);
        pending = rowsNumbered(pending, new Set(retry));
      }
      if (pending.rows.length > 0) throw new Error('[whatsapp] candidate import: numbers kept changing under the import');
    });
    return counts;
  },
});

export type ImportApplier = ReturnType<typeof createImportApplier>;
