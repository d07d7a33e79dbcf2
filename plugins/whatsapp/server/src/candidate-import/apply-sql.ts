import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import {
  IMPORTED_CANDIDATE_COLUMNS,
  candidatesByPhoneSql,
  createSpareDocumentIds,
  defaultColumns,
  insertCandidatesSql,
  jsonParam,
  updateCandidatesSql,
} from '../database/strapi-tables';
import { boundValues, prepareStatement, type PreparedStatement } from '../database/prepared-statement';
import { jsonColumn } from '../database/sql-row';
import { planRow, type AttributeValue, type IncomingRow, type RowPlan, type StoredCandidate } from './row-plan';

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

type Statements = { select: PreparedStatement; lock: PreparedStatement; insert: PreparedStatement; update: PreparedStatement; defaults: Record<string, unknown> };

// The insert depends on the loaded model (its attribute defaults), so statements are built once per app.
const cache = new WeakMap<Core.Strapi, Statements>();

const statementsOf = (strapi: Core.Strapi): Statements => {
  let statements = cache.get(strapi);
  if (!statements) {
    const defaults = defaultColumns(strapi, UID.candidate, IMPORTED_CANDIDATE_COLUMNS, 'candidate');
    statements = {
      select: prepareStatement('whatsapp_import_select', candidatesByPhoneSql(false)),
      lock: prepareStatement('whatsapp_import_lock', candidatesByPhoneSql(true)),
      insert: prepareStatement('whatsapp_import_insert', insertCandidatesSql(defaults)),
      update: prepareStatement('whatsapp_import_update', updateCandidatesSql()),
      defaults: defaults.params,
    };
    cache.set(strapi, statements);
  }
  return statements;
};

type StoredRow = { id: number; document_id: string; phone: string; name: string | null; email: string | null; tags: unknown; attributes: unknown };

const storedOf = (row: StoredRow): StoredCandidate => {
  const tags = jsonColumn<unknown>(row.tags);
  const attributes = jsonColumn<unknown>(row.attributes);
  return {
    id: Number(row.id),
    documentId: row.document_id,
    name: row.name,
    email: row.email,
    tags: Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [],
    attributes: attributes && typeof attributes === 'object' && !Array.isArray(attributes) ? (attributes as Record<string, AttributeValue>) : {},
  };
};

const readStored = async (runner: Knex, statement: PreparedStatement, phones: string[]): Promise<Map<string, StoredCandidate>> => {
  const rows = await runOn<StoredRow>(runner, statement, { phones });
  return new Map(rows.map((row) => [row.phone, storedOf(row)]));
};

/** The outcome of one row of a batch, with the documentId of its candidate (a new one's included). */
export type Applied = { plan: RowPlan; documentId: string | null };

const spareIds = createSpareDocumentIds();

/** Batches of rows with distinct phones: what importing them does (dry run) or does and writes (commit). */
export const createImportApplier = (strapi: Core.Strapi) => ({
  /** The dry run: plans against the candidates as stored now, writing nothing. */
  async plan(rows: IncomingRow[]): Promise<Applied[]> {
    const stored = await readStored(strapi.db.connection, statementsOf(strapi).select, rows.map((row) => row.phone));
    return rows.map((row) => {
      const plan = planRow(row, stored.get(row.phone) ?? null);
      return { plan, documentId: plan.outcome === 'created' ? null : plan.documentId };
    });
  },

  /**
   * The import: one transaction per batch. The stored candidates are locked, planned, updated in one
   * statement and the new ones inserted in another. A number another writer (a webhook) created
   * meanwhile is planned again against what it wrote, so the result is as if the rows came in turn.
   */
  async commit(rows: IncomingRow[]): Promise<Applied[]> {
    const statements = statementsOf(strapi);
    const now = new Date();
    return (await strapi.db.connection.transaction(async (trx) => {
      const results = new Map<string, Applied>();
      let pending = rows;
      for (let attempt = 0; pending.length > 0 && attempt < 3; attempt += 1) {
        const stored = await readStored(trx, statements.lock, pending.map((row) => row.phone));
        const updates: Array<{ row: IncomingRow; plan: Extract<RowPlan, { outcome: 'updated' }> }> = [];
        const creates: Array<{ row: IncomingRow; plan: Extract<RowPlan, { outcome: 'created' }>; documentId: string }> = [];
        for (const row of pending) {
          const plan = planRow(row, stored.get(row.phone) ?? null);
          if (plan.outcome === 'updated') updates.push({ row, plan });
          else if (plan.outcome === 'created') creates.push({ row, plan, documentId: spareIds.take() });
          else results.set(row.phone, { plan, documentId: plan.documentId });
        }
        if (updates.length > 0) {
          await runOn(trx, statements.update, {
            ids: updates.map(({ plan }) => plan.id),
            names: updates.map(({ plan }) => plan.write.name),
            emails: updates.map(({ plan }) => plan.write.email),
            tags: updates.map(({ plan }) => jsonParam(plan.write.tags.length > 0 ? plan.write.tags : null)),
            attributes: updates.map(({ plan }) => jsonParam(Object.keys(plan.write.attributes).length > 0 ? plan.write.attributes : null)),
            now,
          });
          for (const { row, plan } of updates) results.set(row.phone, { plan, documentId: plan.documentId });
        }
        pending = [];
        if (creates.length > 0) {
          const inserted = await runOn<{ phone: string; document_id: string }>(trx, statements.insert, {
            ...statements.defaults,
            documentIds: creates.map(({ documentId }) => documentId),
            names: creates.map(({ plan }) => plan.write.name),
            phones: creates.map(({ row }) => row.phone),
            emails: creates.map(({ plan }) => plan.write.email),
            tags: creates.map(({ plan }) => jsonParam(plan.write.tags.length > 0 ? plan.write.tags : null)),
            attributes: creates.map(({ plan }) => jsonParam(Object.keys(plan.write.attributes).length > 0 ? plan.write.attributes : null)),
            now,
          });
          const insertedPhones = new Set(inserted.map((row) => row.phone));
          for (const create of creates) {
            if (insertedPhones.has(create.row.phone)) results.set(create.row.phone, { plan: create.plan, documentId: create.documentId });
            else {
              spareIds.giveBack(create.documentId);
              pending.push(create.row);
            }
          }
        }
      }
      if (pending.length > 0) throw new Error('[whatsapp] candidate import: numbers kept changing under the import');
      return rows.map((row) => results.get(row.phone)!);
    })) as Applied[];
  },
});

export type ImportApplier = ReturnType<typeof createImportApplier>;
