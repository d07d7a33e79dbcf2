import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { rethrowUniqueViolation } from '../database/db-errors';
import { isWrite, type DocumentContext, type DocumentNext } from '../document-middlewares/types';

const UNIQUE_FIELDS = { plugin_whatsapp_candidates_phone_unique: 'phone' };

/**
 * Candidate rules for every writer (REST, GraphQL, Content Manager, our own services):
 * phones become E.164 and opt-in timestamps follow the opt-in state.
 */
export const candidateRules = (strapi: Core.Strapi) => async (context: DocumentContext, next: DocumentNext) => {
  if (context.uid !== UID.candidate || !isWrite(context.action) || !context.params?.data) return next();
  const data = context.params.data;
  if (typeof data.phone === 'string') {
    data.phone = await getService(strapi, 'candidates').phone.normalizeOrThrow(data.phone);
  }
  const now = new Date().toISOString();
  if (data.optIn === 'opted_in' && !data.optInAt) data.optInAt = now;
  if (data.optIn === 'opted_out' && !data.optOutAt) data.optOutAt = now;
  try {
    return await next();
  } catch (error) {
    return rethrowUniqueViolation(error, UNIQUE_FIELDS);
  }
};
