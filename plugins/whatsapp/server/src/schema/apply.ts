import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLAIN_TABLE } from '../constants';
import { SCHEMA_MIGRATIONS, type SchemaMigration } from './migrations';

const M = PLAIN_TABLE.schemaMigration;

// Instances booting together take turns: CREATE … IF NOT EXISTS races on PostgreSQL's catalogs.
const SCHEMA_LOCK = 'whatsapp:schema';

export type SchemaReport = { applied: number[]; skippedOptional: number[] };

const appliedVersions = async (trx: Knex.Transaction): Promise<Set<number>> => {
  const result = await trx.raw(`SELECT version FROM ${M}`);
  return new Set((result.rows as Array<{ version: number }>).map((row) => Number(row.version)));
};

const record = (trx: Knex.Transaction, migration: SchemaMigration) =>
  trx.raw(`INSERT INTO ${M} (version, name, applied_at) VALUES (?, ?, now())`, [migration.version, migration.name]);

/**
 * Brings the plugin's own tables and indexes up to date, once per boot and before any job runs:
 * every step not yet recorded, in order, in one transaction (a failing required step leaves the
 * database as it was and stops the boot with the step's name).
 */
export const applySchema = async (strapi: Core.Strapi): Promise<SchemaReport> => {
  const report: SchemaReport = { applied: [], skippedOptional: [] };
  await strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [SCHEMA_LOCK]);
    await trx.raw(
      `CREATE TABLE IF NOT EXISTS ${M} (version integer PRIMARY KEY, name varchar(255) NOT NULL, applied_at timestamptz NOT NULL)`
    );
    const done = await appliedVersions(trx);
    for (const migration of SCHEMA_MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await trx.raw('SAVEPOINT whatsapp_schema_step');
      try {
        for (const statement of migration.statements) await trx.raw(statement);
        await record(trx, migration);
        await trx.raw('RELEASE SAVEPOINT whatsapp_schema_step');
        report.applied.push(migration.version);
      } catch (error) {
        await trx.raw('ROLLBACK TO SAVEPOINT whatsapp_schema_step');
        const reason = error instanceof Error ? error.message : String(error);
        if (!migration.optional) throw new Error(`[whatsapp] schema step ${migration.version} (${migration.name}) failed: ${reason}`);
        strapi.log.warn(`[whatsapp] schema step ${migration.version} (${migration.name}) skipped, tried again at the next boot: ${reason}`);
        report.skippedOptional.push(migration.version);
      }
    }
  });
  if (report.applied.length > 0) strapi.log.info(`[whatsapp] schema steps applied: ${report.applied.join(', ')}`);
  return report;
};
