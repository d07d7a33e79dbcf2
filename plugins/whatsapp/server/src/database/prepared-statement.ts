import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
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

/** The statement's `$n` values from named params, in order; a binding with no value is an error. */
export const boundValues = (statement: PreparedStatement, params: Record<string, unknown>): unknown[] =>
  statement.order.map((binding) => {
    if (!(binding in params)) throw new Error(`[whatsapp] ${statement.name}: no value for :${binding}`);
    return params[binding] ?? null;
  });

/** What `pg` takes per query: a name makes it a prepared statement. */
type QueryConfig = { name?: string; text: string; values: unknown[] };

type PgConnection = { query<R>(config: QueryConfig): Promise<{ rows: R[] }> };

/**
 * Runs one query on `runner`'s connection: a connection of Strapi's own knex pool, or a
 * transaction's (a knex transaction lends out its own connection and takes nothing back on
 * release, so the query runs inside it). Below knex because knex cannot name a statement.
 */
export const queryOn = async <R>(runner: Knex, config: QueryConfig): Promise<R[]> => {
  const client = runner.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<unknown>;
  };
  const connection = await client.acquireConnection();
  try {
    return (await connection.query<R>(config)).rows;
  } finally {
    await client.releaseConnection(connection);
  }
};

/**
 * Runs a hot-path statement as a named prepared statement on `runner`'s connection (see queryOn):
 * Postgres would otherwise parse and plan the webhook and dispatch statements (several CTEs over
 * nine tables) on every call, which costs more than running them; a named statement is planned
 * once per connection.
 */
export const runPreparedOn = <R>(runner: Knex, statement: PreparedStatement, params: Record<string, unknown>): Promise<R[]> =>
  queryOn<R>(runner, { name: statement.name, text: statement.text, values: boundValues(statement, params) });

/**
 * The statement unnamed: planned on every execution, for the table as it is then (an import
 * starts on a table that may be empty and fills it; a plan cached at its start is wrong by its end).
 */
export const runUnnamedOn = <R>(runner: Knex, statement: PreparedStatement, params: Record<string, unknown>): Promise<R[]> =>
  queryOn<R>(runner, { text: statement.text, values: boundValues(statement, params) });

/** runPreparedOn, in the caller's transaction when there is one (see queryRunner), else on the pool. */
export const runPrepared = async <R>(strapi: Core.Strapi, statement: PreparedStatement, params: Record<string, unknown>): Promise<R[]> =>
  runPreparedOn<R>(await queryRunner(strapi), statement, params);
