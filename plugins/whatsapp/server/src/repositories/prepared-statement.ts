import type { Core } from '@strapi/strapi';
import { queryRunner } from './query-runner';

/** A statement written with `:name` bindings, compiled once to Postgres' `$n` form. */
export type PreparedStatement = { name: string; namedSql: string; text: string; order: string[] };

// `:name`, but not the `::type` of a cast.
const BINDING = /(?<!:):([A-Za-z]\w*)/g;

export const prepareStatement = (name: string, namedSql: string): PreparedStatement => {
  const order: string[] = [];
  const text = namedSql.replace(BINDING, (_match, binding: string) => {
    let position = order.indexOf(binding);
    if (position === -1) position = order.push(binding) - 1;
    return `$${position + 1}`;
  });
  return { name, namedSql, text, order };
};

type PgConnection = { query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }> };

/**
 * Runs a hot-path statement as a named prepared statement on a connection of Strapi's own knex
 * pool. Why not `knex.raw`: knex sends every query unnamed, so Postgres parses and plans the
 * webhook statements (several CTEs over nine tables) on every request, which costs more than
 * running them; a named statement is planned once per connection. Inside a caller's transaction
 * the statement runs there instead, through knex, since knex does not lend out that connection.
 */
export const runPrepared = async <R>(strapi: Core.Strapi, statement: PreparedStatement, params: Record<string, unknown>): Promise<R[]> => {
  for (const binding of statement.order) {
    if (!(binding in params)) throw new Error(`[whatsapp] ${statement.name}: no value for :${binding}`);
  }
  if (strapi.db.inTransaction()) {
    const trx = await queryRunner(strapi);
    return ((await trx.raw(statement.namedSql, params)) as { rows: R[] }).rows;
  }
  const client = strapi.db.connection.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<unknown>;
  };
  const connection = await client.acquireConnection();
  try {
    const values = statement.order.map((binding) => params[binding] ?? null);
    return (await connection.query<R>({ name: statement.name, text: statement.text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
};
