import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import { isInvalidInputDbError } from '../database/db-errors';
import { assertFilterValues, assertPopulateFilters, type GetModel } from '../validation/query-filters';
import type { DocumentContext, DocumentNext } from './types';

type QueryContext = DocumentContext & { params?: DocumentContext['params'] & { filters?: unknown; populate?: unknown } };

/** Answered for a value PostgreSQL refused; never the database's own message (it quotes SQL). */
export const invalidQueryValue = () =>
  new errors.ValidationError('The query holds a value its field cannot take', { source: 'query' });

/**
 * Queries on the plugin's types, whoever asks (REST, GraphQL, the Content Manager): filter
 * values must fit their columns (a 400 before any SQL), and a value PostgreSQL still refuses
 * is a 400 too, not a 500.
 */
export const queryRules = (strapi: Core.Strapi) => {
  const getModel: GetModel = (uid) => strapi.getModel(uid as never) as ReturnType<GetModel>;
  const prefix = `plugin::${PLUGIN_ID}.`;
  return async (context: QueryContext, next: DocumentNext) => {
    if (!context.uid.startsWith(prefix)) return next();
    assertFilterValues(getModel, context.uid, context.params?.filters);
    assertPopulateFilters(getModel, context.uid, context.params?.populate);
    try {
      return await next();
    } catch (error) {
      if (isInvalidInputDbError(error)) {
        strapi.log.debug(`[whatsapp] ${context.uid} ${context.action}: a query value was refused by PostgreSQL`);
        throw invalidQueryValue();
      }
      throw error;
    }
  };
};
