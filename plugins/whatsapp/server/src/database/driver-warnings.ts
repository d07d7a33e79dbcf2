import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

type KnexLogger = { warn(message: unknown): void };

const DROPPED_CONNECTION = /^Connection Error:\s*/;

/**
 * knex warns "Connection Error: …" for each pooled connection the database dropped (one per
 * pool slot in an outage): during an outage those are counted by the fault report instead.
 * Any other warning, and this one outside an outage, goes where knex sent it.
 */
export const countDroppedConnectionWarnings = (strapi: Core.Strapi) => {
  const logger = (strapi.db.connection.client as unknown as { logger?: KnexLogger }).logger;
  if (!logger) return;
  const warn = logger.warn.bind(logger);
  logger.warn = (message: unknown) => {
    if (typeof message !== 'string' || !DROPPED_CONNECTION.test(message)) return warn(message);
    void getService(strapi, 'database-faults')
      .absorb(new Error(message.replace(DROPPED_CONNECTION, '')), 'pooled connections')
      .then((absorbed) => {
        if (!absorbed) warn(message);
      });
  };
};
