import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { rethrowUniqueViolation } from '../database/db-errors';
import { isWrite, type DocumentContext, type DocumentNext } from '../document-middlewares/types';
import { parseInput } from '../validation/parse';
import { savedReplyCreateSchema, savedReplyUpdateSchema } from './validation';

const UNIQUE_FIELDS = { plugin_whatsapp_saved_replies_shortcut_unique: 'shortcut' };

/**
 * Saved reply rules for every writer (REST, the admin page, the Content Manager): one shortcut
 * form (`/Hello` is `hello`), and placeholders a candidate can fill.
 */
export const savedReplyRules = (_strapi: Core.Strapi) => async (context: DocumentContext, next: DocumentNext) => {
  if (context.uid !== UID.savedReply || !isWrite(context.action) || !context.params?.data) return next();
  const data = context.params.data;
  const checked = parseInput(context.action === 'create' ? savedReplyCreateSchema : savedReplyUpdateSchema, {
    ...(data.shortcut !== undefined ? { shortcut: data.shortcut } : {}),
    ...(data.text !== undefined ? { text: data.text } : {}),
  });
  Object.assign(data, checked);
  try {
    return await next();
  } catch (error) {
    return rethrowUniqueViolation(error, UNIQUE_FIELDS);
  }
};
