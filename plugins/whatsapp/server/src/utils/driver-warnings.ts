import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

type KnexLogger = { warn(message: unknown): void };

/**
 * knex prints "Connection Error: …" for each pooled connection the database dropped (one per
 * pool slot in an outage); those are counted by the fault report instead. Other warnings go
 * where knex sent them.
 */
export const countDroppedConnectionWarnings = (strapi: Core.Strapi) => {
  const logger = (strapi.db.connection.client as unknown as { logger?: KnexLogger }).logger;
  if (!logger) return;
  const warn = logger.warn.bind(logger);
  logger.warn = (message: unknown) => {
    if (typeof message === 'string' && getService(strapi, 'database-faults').absorbDriverWarning(message)) return;
    warn(message);
  };
};
