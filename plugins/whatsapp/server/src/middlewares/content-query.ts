import type { Context, Next } from 'koa';
import { invalidQueryValue } from '../document-middlewares/query-rules';
import { isInvalidInputDbError } from '../database/db-errors';
import { assertPagination } from '../validation/pagination';

/**
 * On every content-API route of the plugin: pagination that cannot be used is a 400, and a value
 * PostgreSQL refuses in any query the route runs (not only the Document Service's) is a 400 in
 * Strapi's error shape, without the database's message.
 */
export const contentQuery = () => async (ctx: Context, next: Next) => {
  assertPagination((ctx.query as Record<string, unknown>).pagination);
  try {
    await next();
  } catch (error) {
    if (isInvalidInputDbError(error)) throw invalidQueryValue();
    throw error;
  }
};

export const CONTENT_QUERY_MIDDLEWARE = 'plugin::whatsapp.content-query';
