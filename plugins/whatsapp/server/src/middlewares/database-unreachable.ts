import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';
import { HttpStatusError } from '../utils/http-error';

/**
 * A request that fails because the database is unreachable answers 503 in Strapi's error shape
 * (Twilio retries a webhook answered 503) and is counted, not logged with its stack: the outage
 * is logged once when it starts and once when it ends (database/faults.ts).
 */
export const databaseUnreachableMiddleware = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (error) {
    if (!(await getService(strapi, 'database-faults').absorb(error, 'requests'))) throw error;
    ctx.set('Retry-After', '1');
    throw new HttpStatusError(503, 'ServiceUnavailableError', 'The database is unreachable; try again shortly');
  }
};
