import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import { validateTemplateBody } from '../domain/placeholders';
import { rethrowUniqueViolation } from '../database/db-errors';
import { isWrite, type DocumentContext, type DocumentNext } from '../document-middlewares/types';
import { deleteAtTwilioFirst, refuseChangeAtTwilio } from '../template-editor/immutable-at-twilio';

const UNIQUE_FIELDS = { plugin_whatsapp_templates_content_sid_unique: 'contentSid' };

type TemplateText = { body?: string | null; variables?: Record<string, string> | null };

/**
 * Placeholder rules ({{1}}…{{n}} without gaps, ≤ 1,024 characters, a sample for each) for
 * every writer. An update is checked as the template will be once saved, so changing the
 * body alone still finds the samples already stored.
 */
export const templateRules = (strapi: Core.Strapi) => async (context: DocumentContext, next: DocumentNext) => {
  if (context.uid === UID.template && context.action === 'delete' && context.params?.documentId) {
    await deleteAtTwilioFirst(strapi, context.params.documentId);
    return next();
  }
  if (context.uid !== UID.template || !isWrite(context.action) || !context.params?.data) return next();
  const data = context.params.data as TemplateText;
  if (context.action === 'update' && context.params.documentId) {
    await refuseChangeAtTwilio(strapi, context.params.documentId, context.params.data);
  }
  if (data.body !== undefined || data.variables !== undefined) {
    let current: TemplateText = {};
    if (context.action === 'update' && context.params.documentId) {
      current =
        ((await strapi.db.query(UID.template).findOne({
          where: { documentId: context.params.documentId },
          select: ['body', 'variables'],
        })) as TemplateText | null) ?? {};
    }
    const body = data.body ?? current.body ?? '';
    const variables = data.variables !== undefined ? data.variables : current.variables;
    const issues = validateTemplateBody(body, variables ?? undefined);
    if (issues.length > 0) {
      throw new errors.ValidationError(issues[0]!.message, {
        errors: issues.map((issue) => ({ ...issue, name: 'ValidationError' })),
      });
    }
  }
  try {
    return await next();
  } catch (error) {
    return rethrowUniqueViolation(error, UNIQUE_FIELDS);
  }
};
