import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Where a repository statement runs: the caller's transaction when there is one (a send that
 * records a status inside its own transaction must not wait on a row it holds itself),
 * otherwise the pool, since a single statement is already atomic.
 */
export const queryRunner = async (strapi: Core.Strapi): Promise<Knex> =>
  strapi.db.inTransaction() ? (await strapi.db.transaction()).get() : strapi.db.connection;

/** Work that needs several statements under one lock: joins the caller's transaction if any. */
export const inTransaction = async <T>(strapi: Core.Strapi, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  (await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => work(trx))) as T;
