import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import {
  IMPORTED_CANDIDATE_COLUMNS,
  createSpareDocumentIds,
  defaultColumns,
  importCandidatesSql,
  planCandidatesSql,
} from '../database/strapi-tables';
import { boundValues, prepareStatement, type PreparedStatement } from '../database/prepared-statement';
import type { ImportOutcome } from '../../../shared/candidate-import';

type PgConnection = { query<R>(config: { text: string; values: unknown[] }): Promise<{ rows: R[] }> };

/**
 * Runs a statement unnamed, on `runner`'s connection (the pool's, or a transaction's). Unlike the
 * hot paths' named statements, each execution is planned for the table as it is now: an import
 * starts on a table that may be empty and fills it, and a plan cached at the start (a sequential
 * scan matching 2,000 numbers per row) made a later dry run of 100,000 rows take 80 s.
 */
const runOn = async <R>(runner: Knex, statement: PreparedStatement, params: Record<string, unknown>): Promise<R[]> => {
  const values = boundValues(statement, params);
  const client = runner.client as { acquireConnection(): Promise<PgConnection>; releaseConnection(connection: PgConnection): Promise<unknown> };
  const connection = await client.acquireConnection();
  try {
    return (await connection.query<R>({ text: statement.text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
};

type Statements = { plan: PreparedStatement; commit: PreparedStatement; defaults: Record<string, unknown> };

// The insert depends on the loaded model (its attribute defaults), so statements are built once per app.
const cache = new WeakMap<Core.Strapi, Statements>();

const statementsOf = (strapi: Core.Strapi): Statements => {
  let statements = cache.get(strapi);
  if (!statements) {
    const defaults = defaultColumns(strapi, UID.candidate, IMPORTED_CANDIDATE_COLUMNS, 'candidate');
    statements = {
      plan: prepareStatement('whatsapp_import_plan', planCandidatesSql()),
      commit: prepareStatement('whatsapp_import_commit', importCandidatesSql(defaults)),
      defaults: defaults.params,
    };
    cache.set(strapi, statements);
  }
  return statements;
};

/**
 * A batch of valid rows with distinct phones, as parallel arrays of primitives (tags and
 * attributes as JSON text, NULL when empty): the rows live across the statement's round trip, and
 * flat arrays of strings keep what survives a young-generation GC small (objects per row did not).
 */
export type RowColumns = { phones: string[]; names: Array<string | null>; emails: Array<string | null>; tags: Array<string | null>; attributes: Array<string | null> };

/** Per row of the batch, in order: its outcome and its candidate's documentId (none for a row the dry run would create). */
export type Applied = { outcomes: ImportOutcome[]; documentIds: Array<string | null> };

type Answer = { outcomes: Array<ImportOutcome | 'retry'> | null; document_ids: Array<string | null> | null };

const spareIds = createSpareDocumentIds(4000);

const pick = <T>(values: T[], indexes: number[]): T[] => indexes.map((index) => values[index]!);

const columnsAt = (rows: RowColumns, indexes: number[]): RowColumns => ({
  phones: pick(rows.phones, indexes),
  names: pick(rows.names, indexes),
  emails: pick(rows.emails, indexes),
  tags: pick(rows.tags, indexes),
  attributes: pick(rows.attributes, indexes),
});

/** Batches of rows with distinct phones: what importing them does (dry run) or does and writes (commit). */
export const createImportApplier = (strapi: Core.Strapi) => ({
  /** The dry run: planned in SQL against the candidates as stored now, writing nothing. */
  async plan(rows: RowColumns): Promise<Applied> {
    if (rows.phones.length === 0) return { outcomes: [], documentIds: [] };
    const [answer] = await runOn<Answer>(strapi.db.connection, statementsOf(strapi).plan, { ...rows });
    return { outcomes: (answer?.outcomes ?? []) as ImportOutcome[], documentIds: answer?.document_ids ?? [] };
  },

  /**
   * The import: one transaction per batch, one statement (importCandidatesSql). Rows whose number
   * another writer (a webhook) created meanwhile run again and are planned against what it wrote,
   * so the result is as if the rows came in turn.
   */
  async commit(rows: RowColumns): Promise<Applied> {
    const statements = statementsOf(strapi);
    const now = new Date();
    const outcomes: ImportOutcome[] = new Array(rows.phones.length);
    const documentIds: Array<string | null> = new Array(rows.phones.length);
    await strapi.db.connection.transaction(async (trx) => {
      let pending = rows.phones.map((_phone, index) => index);
      for (let attempt = 0; pending.length > 0 && attempt < 3; attempt += 1) {
        const proposed = pending.map(() => spareIds.take());
        const columns = attempt === 0 ? rows : columnsAt(rows, pending);
        const [answer] = await runOn<Answer>(trx, statements.commit, { ...statements.defaults, ...columns, documentIds: proposed, now });
        const retry: number[] = [];
        pending.forEach((rowIndex, index) => {
          const outcome = answer?.outcomes?.[index];
          if (outcome !== 'created') spareIds.giveBack(proposed[index]!);
          if (outcome === 'retry' || outcome === undefined) retry.push(rowIndex);
          else {
            outcomes[rowIndex] = outcome;
            documentIds[rowIndex] = answer?.document_ids?.[index] ?? null;
          }
        });
        pending = retry;
      }
      if (pending.length > 0) throw new Error('[whatsapp] candidate import: numbers kept changing under the import');
    });
    return { outcomes, documentIds };
  },
});

export type ImportApplier = ReturnType<typeof createImportApplier>;
