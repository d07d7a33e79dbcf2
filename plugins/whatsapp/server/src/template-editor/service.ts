import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import type { ContentExtras } from '../domain/content-api';
import { templateRepository, type TemplateRow } from '../templates/sql';
import { getService } from '../utils/get-service';
import { conflictError } from '../utils/http-error';
import { describeFailureForLog, twilioFailureError } from '../utils/twilio-failure';
import { templateSubmitSchema } from '../templates/actions-validation';
import { parseInput } from '../validation/parse';
import { extrasFromTypes, typesForDraft } from './draft-extras';
import type { TemplateEditorInput } from './validation';

/** What the editor shows of a template: the row, with a draft's media and quick replies. */
const editorView = (row: TemplateRow) => ({
  documentId: row.documentId,
  name: row.name,
  language: row.language,
  category: row.category,
  body: row.body,
  variables: row.variables ?? {},
  contentSid: row.contentSid,
  approvalStatus: row.approvalStatus,
  rejectionReason: row.rejectionReason,
  deletedAtTwilio: row.deletedAtTwilio,
  lastSyncedAt: row.lastSyncedAt,
  ...extrasFromTypes(row.twilioTypes),
  // The rule the page shows: only a template Twilio does not hold yet can change.
  editable: !row.contentSid,
});

export type TemplateEditorView = ReturnType<typeof editorView>;

/**
 * Writing templates from the admin panel. The rule with Twilio: Twilio never changes a Content
 * once created, so a template it holds is never edited here either. Editing one makes a new
 * draft version (a new name, since WhatsApp keys approvals by name and language); deleting one
 * deletes it at Twilio first, and nothing changes here when Twilio refuses.
 */
export const createTemplateEditorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(UID.template as never) as unknown as {
    create(params: unknown): Promise<TemplateRow>;
    update(params: unknown): Promise<TemplateRow>;
    delete(params: unknown): Promise<unknown>;
  };
  const repository = () => templateRepository(strapi);

  const find = async (documentId: string): Promise<TemplateRow> => {
    const row = await repository().findByDocumentId(documentId);
    if (!row) throw new errors.NotFoundError('Template not found');
    return row;
  };

  /** WhatsApp refuses a second template with the same name and language. */
  const assertNameFree = async (name: string, language: string, except?: string) => {
    const clash = (await strapi.db.query(UID.template).findOne({
      where: { name, language, deletedAtTwilio: { $null: true }, ...(except ? { documentId: { $ne: except } } : {}) },
      select: ['documentId'],
    })) as { documentId: string } | null;
    if (clash) {
      throw conflictError(`A template named ${name} in ${language} already exists: choose another name`, {
        code: 'NAME_TAKEN',
        template: clash.documentId,
      });
    }
  };

  const fieldsOf = (input: TemplateEditorInput) => {
    const extras = parseInput(templateSubmitSchema, {
      ...(input.media !== undefined ? { media: input.media } : {}),
      ...(input.quickReplies !== undefined ? { quickReplies: input.quickReplies } : {}),
    }) as ContentExtras;
    return {
      name: input.name,
      language: input.language,
      category: input.category,
      body: input.body,
      variables: input.variables ?? {},
      twilioTypes: typesForDraft(input.body, extras),
    };
  };

  const usage = async (id: number) => {
    const [messages, campaigns] = await Promise.all([
      strapi.db.query(UID.message).count({ where: { template: { id } } }),
      strapi.db.query(UID.campaign).count({ where: { template: { id } } }),
    ]);
    return Number(messages) + Number(campaigns);
  };

  const nextVersionName = async (name: string, language: string) => {
    const base = name.replace(/_v\d+$/, '');
    for (let version = 2; version < 1000; version += 1) {
      const candidate = `${base}_v${version}`.slice(0, 512);
      const taken = await strapi.db.query(UID.template).count({ where: { name: candidate, language } });
      if (Number(taken) === 0) return candidate;
    }
    throw conflictError('No free version name left for this template', { code: 'NAME_TAKEN' });
  };

  return {
    async findOne(documentId: string) {
      return editorView(await find(documentId));
    },

    /** A new local draft; nothing reaches Twilio until it is submitted. */
    async create(input: TemplateEditorInput) {
      const fields = fieldsOf(input);
      await assertNameFree(fields.name, fields.language);
      const created = await documents().create({ data: { ...fields, approvalStatus: 'draft' } });
      return editorView(await find(created.documentId));
    },

    /** Changes a draft; a template Twilio holds is refused (409 TEMPLATE_AT_TWILIO: make a new version). */
    async update(documentId: string, input: TemplateEditorInput) {
      const current = await find(documentId);
      if (current.contentSid) {
        throw conflictError(
          `"${current.name}" is at Twilio (${current.approvalStatus}), where a template cannot change: create a new version and edit that`,
          { code: 'TEMPLATE_AT_TWILIO', approvalStatus: current.approvalStatus },
        );
      }
      const fields = fieldsOf(input);
      await assertNameFree(fields.name, fields.language, documentId);
      await documents().update({ documentId, data: fields });
      return editorView(await find(documentId));
    },

    /** A new draft with the template's content and the next free `<name>_vN` name. */
    async newVersion(documentId: string) {
      const source = await find(documentId);
      const name = await nextVersionName(source.name, source.language);
      const created = await documents().create({
        data: {
          name,
          language: source.language,
          category: source.category,
          body: source.body,
          variables: source.variables ?? {},
          twilioTypes: typesForDraft(source.body, extrasFromTypes(source.twilioTypes)),
          approvalStatus: 'draft',
        },
      });
      return editorView(await find(created.documentId));
    },

    /**
     * Deletes at Twilio first (a Content already gone there counts as deleted), then here. A
     * template that messages or campaigns used is kept, marked deleted at Twilio, for their history.
     */
    async remove(documentId: string): Promise<{ documentId: string; outcome: 'removed' | 'kept' }> {
      const template = await find(documentId);
      if (template.contentSid && !template.deletedAtTwilio) {
        return repository().withContentSidLock(documentId, async (locked) => {
          if (!locked) throw new errors.NotFoundError('Template not found');
          const { content, failure } = await getService(strapi, 'twilio').contentApi();
          try {
            await content.contents(locked.contentSid as string).remove();
          } catch (error) {
            const info = failure(error);
            if (info.httpStatus !== 404) {
              strapi.log.warn(`[whatsapp] template ${documentId}: delete at Twilio failed: ${describeFailureForLog(info)}`);
              throw twilioFailureError(info, 'delete the template at Twilio');
            }
          }
          strapi.log.info(`[whatsapp] template ${documentId} deleted at Twilio (${locked.contentSid})`);
          if ((await usage(locked.id)) > 0) {
            await repository().update(locked.id, { deletedAtTwilio: new Date(), lastSyncedAt: new Date() });
            return { documentId, outcome: 'kept' as const };
          }
          // Marked first, so the delete rule for every writer does not ask Twilio a second time.
          await repository().update(locked.id, { deletedAtTwilio: new Date() });
          await documents().delete({ documentId });
          return { documentId, outcome: 'removed' as const };
        });
      }
      if ((await usage(template.id)) > 0) {
        if (template.deletedAtTwilio) {
          throw conflictError('Messages or campaigns refer to this template: it stays, marked deleted at Twilio', { code: 'TEMPLATE_IN_USE' });
        }
        throw conflictError('A campaign uses this draft: change the campaign first', { code: 'TEMPLATE_IN_USE' });
      }
      await documents().delete({ documentId });
      return { documentId, outcome: 'removed' };
    },
  };
};

export type TemplateEditorService = ReturnType<typeof createTemplateEditorService>;
