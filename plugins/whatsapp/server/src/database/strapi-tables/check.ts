import type { Core } from '@strapi/strapi';
import { databaseClientProblem } from '../../domain/database-client';
import { columnOf, LINK, TABLE, TABLE_UID, type LinkSpec } from './names';

type AttributeMeta = {
  type: string;
  columnName?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string };
    inverseJoinColumn: { name: string };
    inverseOrderColumnName?: string;
  };
};
export type ModelMeta = { tableName: string; attributes: Record<string, AttributeMeta> };

/** Where Strapi's mapping differs from the names the plugin's SQL uses, in words. */
export const mappingProblems = (metadata: { get(uid: string): ModelMeta }): string[] => {
  const problems: string[] = [];
  for (const [key, uid] of Object.entries(TABLE_UID)) {
    const model = metadata.get(uid);
    const table = TABLE[key as keyof typeof TABLE];
    if (model.tableName !== table) problems.push(`${uid} is stored in "${model.tableName}", the plugin writes "${table}"`);
    for (const [attribute, meta] of Object.entries(model.attributes)) {
      if (meta.type === 'relation' || !meta.columnName) continue;
      const expected = columnOf(attribute);
      if (meta.columnName !== expected) problems.push(`${uid}.${attribute} is column "${meta.columnName}", the plugin writes "${expected}"`);
    }
  }
  for (const spec of Object.values(LINK) as LinkSpec[]) {
    const join = metadata.get(spec.uid).attributes[spec.attribute]?.joinTable;
    const actual = join && {
      table: join.name,
      ownerColumn: join.joinColumn.name,
      targetColumn: join.inverseJoinColumn.name,
      inverseOrderColumn: join.inverseOrderColumnName ?? null,
    };
    const expected = { table: spec.table, ownerColumn: spec.ownerColumn, targetColumn: spec.targetColumn, inverseOrderColumn: spec.inverseOrderColumn };
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${spec.uid}.${spec.attribute} links through ${JSON.stringify(actual ?? null)}, the plugin writes ${JSON.stringify(expected)}`);
    }
  }
  return problems;
};

/** Every column the mapping names, missing from the live database. */
const missingColumns = async (strapi: Core.Strapi, metadata: { get(uid: string): ModelMeta }): Promise<string[]> => {
  const wanted = new Map<string, Set<string>>();
  const want = (table: string, column: string) => (wanted.get(table) ?? wanted.set(table, new Set()).get(table)!).add(column);
  for (const uid of Object.values(TABLE_UID)) {
    const model = metadata.get(uid);
    for (const meta of Object.values(model.attributes)) if (meta.type !== 'relation' && meta.columnName) want(model.tableName, meta.columnName);
  }
  for (const spec of Object.values(LINK) as LinkSpec[]) {
    want(spec.table, spec.ownerColumn);
    want(spec.table, spec.targetColumn);
    if (spec.inverseOrderColumn) want(spec.table, spec.inverseOrderColumn);
  }
  const result = await strapi.db.connection.raw(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY(?)`,
    [[...wanted.keys()]]
  );
  const present = new Set((result.rows as Array<{ table_name: string; column_name: string }>).map((row) => `${row.table_name}.${row.column_name}`));
  return [...wanted].flatMap(([table, columns]) => [...columns].filter((column) => !present.has(`${table}.${column}`)).map((column) => `${table}.${column}`));
};

/**
 * Stops the boot when the tables the plugin writes with SQL are not where, or not shaped as,
 * its statements expect: rows written under a wrong mapping would be silently unreadable.
 */
export const checkStrapiTables = async (strapi: Core.Strapi): Promise<void> => {
  const clientProblem = databaseClientProblem(strapi.db.config.connection.client);
  if (clientProblem) throw new Error(clientProblem);
  const metadata = strapi.db.metadata as unknown as { get(uid: string): ModelMeta };
  const problems = mappingProblems(metadata);
  if (problems.length > 0) {
    throw new Error(`[whatsapp] this Strapi version maps the plugin's types differently from the plugin's SQL:\n- ${problems.join('\n- ')}`);
  }
  const missing = await missingColumns(strapi, metadata);
  if (missing.length > 0) {
    throw new Error(`[whatsapp] the database lacks columns the plugin writes (was the schema synced?): ${missing.join(', ')}`);
  }
};
