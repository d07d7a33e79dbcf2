import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { conflictError } from '../utils/http-error';
import { describeFailureForLog, twilioFailureError } from '../utils/twilio-failure';

/** What Twilio holds of a template: once it has a contentSid, ours must stay the same. */
const TWILIO_FIELDS = ['name', 'language', 'category', 'body', 'variables'] as const;

/** JSON equality that ignores key order (jsonb does not keep it). */
const stable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry)
      ? Object.fromEntries(Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : entry,
  );
const same = (a: unknown, b: unknown) => stable(a) === stable(b);

/**
 * Refuses (409 TEMPLATE_AT_TWILIO) a Document Service update that would change the content of a
 * template Twilio holds, from any writer (REST, GraphQL, Content Manager): Twilio never changes
 * a Content, so a changed copy here would silently differ from what is sent. The sync and the
 * submit write Twilio's own values around the Document Service.
 */
export const refuseChangeAtTwilio = async (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>) => {
  const touched = TWILIO_FIELDS.filter((field) => data[field] !== undefined);
  if (touched.length === 0) return;
  const current = (await strapi.db.query(UID.template).findOne({
    where: { documentId },
    select: ['contentSid', 'approvalStatus', ...TWILIO_FIELDS],
  })) as Record<string, unknown> | null;
  if (!current?.contentSid) return;
  const changed = touched.filter((field) => !same(data[field], current[field]));
  if (changed.length > 0) {
    throw conflictError(
      `This template is at Twilio (${String(current.approvalStatus)}), where a template cannot change: create a new version of it instead`,
      { code: 'TEMPLATE_AT_TWILIO', fields: changed },
    );
  }
};

/**
 * Deletes a template's Content at Twilio before any writer deletes it here (REST, GraphQL,
 * Content Manager): when Twilio refuses, this throws and nothing is deleted. A Content Twilio no
 * longer has (404), or a template already marked deleted there, goes straight on.
 */
export const deleteAtTwilioFirst = async (strapi: Core.Strapi, documentId: string) => {
  const current = (await strapi.db.query(UID.template).findOne({
    where: { documentId },
    select: ['contentSid', 'deletedAtTwilio'],
  })) as { contentSid: string | null; deletedAtTwilio: unknown } | null;
  if (!current?.contentSid || current.deletedAtTwilio) return;
  const { content, failure } = await getService(strapi, 'twilio').contentApi();
  try {
    await content.contents(current.contentSid).remove();
  } catch (error) {
    const info = failure(error);
    if (info.httpStatus === 404) return;
    strapi.log.warn(`[whatsapp] template ${documentId}: delete at Twilio failed: ${describeFailureForLog(info)}`);
    throw twilioFailureError(info, 'delete the template at Twilio');
  }
  strapi.log.info(`[whatsapp] template ${documentId} deleted at Twilio (${current.contentSid})`);
};
