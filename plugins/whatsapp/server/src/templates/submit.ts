import { getService } from '../utils/get-service';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  mapApprovalStatus,
  toApprovalRequest,
  toContentCreateRequest,
  type ContentExtras,
} from '../domain/content-api';
import { validateTemplateBody } from '../domain/placeholders';
import { ACTIVE_APPROVAL_STATUSES, TEMPLATE_CATEGORIES } from '../../../shared/statuses';
import { templateRepository, type TemplateRow } from './sql';
import { extrasFromTypes } from '../template-editor/draft-extras';
import { conflictError } from '../utils/http-error';
import { describeFailureForLog, twilioFailureError } from '../utils/twilio-failure';

// Meta's rule for template names, also enforced by the template input schema.
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

const hasExtras = (extras: ContentExtras) => Boolean(extras.media?.length || extras.quickReplies?.length);

/**
 * What Meta will check, checked here first so staff get a 400 on the field rather than a
 * rejection days later. A template imported from Twilio may not meet our rules: submitting is
 * where that has to be fixed.
 */
const assertSubmittable = (template: TemplateRow, extras: ContentExtras) => {
  if (template.deletedAtTwilio) {
    throw conflictError('This template was deleted at Twilio: create a new template to submit', { code: 'TEMPLATE_DELETED_AT_TWILIO' });
  }
  if (template.contentSid && (ACTIVE_APPROVAL_STATUSES as readonly string[]).includes(template.approvalStatus)) {
    throw conflictError(`This template has already been submitted (${template.approvalStatus})`, {
      code: 'ALREADY_SUBMITTED',
      approvalStatus: template.approvalStatus,
    });
  }
  if (template.contentSid && hasExtras(extras)) {
    throw conflictError('This template already exists at Twilio, where its content cannot change: media and quick replies can only be given on the first submit', {
      code: 'CONTENT_IMMUTABLE',
    });
  }
  const issues = validateTemplateBody(template.body ?? '', template.variables ?? undefined).map((issue) => ({ ...issue, name: 'ValidationError' }));
  if (!TEMPLATE_NAME.test(template.name ?? '')) {
    issues.push({ path: ['name'], message: 'WhatsApp template names use lowercase letters, digits and underscores, e.g. interview_reminder', name: 'ValidationError' });
  }
  if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(template.category)) {
    issues.push({ path: ['category'], message: `Category must be one of ${TEMPLATE_CATEGORIES.join(', ')}`, name: 'ValidationError' });
  }
  if (issues.length > 0) throw new errors.ValidationError(issues[0]!.message, { errors: issues });
};

export const createTemplateSubmitService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates the template at Twilio (once: its contentSid is saved before anything else can go
   * wrong) and requests WhatsApp approval. Returns the template with the state Twilio answered.
   */
  async submit(documentId: string, extras: ContentExtras = {}): Promise<TemplateRow> {
    const repository = templateRepository(strapi);
    const found = await repository.findByDocumentId(documentId);
    if (!found) throw new errors.NotFoundError('Template not found');
    // A draft written in the admin editor keeps its media or quick replies until this first submit.
    if (!found.contentSid && !hasExtras(extras)) extras = extrasFromTypes(found.twilioTypes);
    assertSubmittable(found, extras);
    const { content, failure } = await getService(strapi, 'twilio').contentApi();

    const created = await repository.withContentSidLock(documentId, async (template) => {
      if (!template) throw new errors.NotFoundError('Template not found');
      if (template.contentSid) return template;
      const request = toContentCreateRequest(
        { name: template.name, language: template.language, category: template.category, body: template.body, variables: template.variables },
        extras,
      );
      let contentSid: string;
      try {
        // snake_case on purpose (see domain/content-api.ts); the SDK's types expect camelCase.
        contentSid = (await content.contents.create(request as never)).sid;
      } catch (error) {
        const info = failure(error);
        strapi.log.warn(`[whatsapp] template ${documentId}: Content create failed: ${describeFailureForLog(info)}`);
        throw twilioFailureError(info, 'create the template at Twilio');
      }
      strapi.log.info(`[whatsapp] template ${documentId} created at Twilio as ${contentSid}`);
      return repository.update(template.id, {
        contentSid,
        approvalStatus: 'unsubmitted',
        rejectionReason: null,
        twilioTypes: request.types,
        deletedAtTwilio: null,
        lastSyncedAt: new Date(),
      });
    });

    let approval: { status: string; rejectionReason?: string | null; category?: string | null };
    try {
      approval = await content.contents(created.contentSid as string).approvalCreate.create(toApprovalRequest(created));
    } catch (error) {
      const info = failure(error);
      strapi.log.warn(`[whatsapp] template ${documentId}: approval request failed: ${describeFailureForLog(info)}`);
      throw twilioFailureError(info, 'request WhatsApp approval');
    }
    const { status } = mapApprovalStatus(approval.status);
    strapi.log.info(`[whatsapp] template ${documentId} submitted for WhatsApp approval: ${status}`);
    return repository.update(created.id, {
      approvalStatus: status,
      rejectionReason: status === 'rejected' ? approval.rejectionReason || null : null,
      lastSyncedAt: new Date(),
    });
  },
});

export type TemplateSubmitService = ReturnType<typeof createTemplateSubmitService>;
