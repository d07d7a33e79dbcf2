import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkTemplateUsable, type ApprovalCheckInput } from '../domain/template-approval';
import { templateRepository, type TemplateRow } from './sql';
import { unprocessableError } from '../utils/http-error';

/**
 * Throws 422 `TEMPLATE_NOT_APPROVED` (details: `reason`, `approvalStatus`, `template`) unless the
 * template can be sent. For the send and campaign paths, whichever way they load the template.
 */
export function assertTemplateApproved<T extends ApprovalCheckInput & { documentId?: string }>(
  template: T,
): asserts template is T & { contentSid: string } {
  const verdict = checkTemplateUsable(template);
  if (!verdict.usable) {
    throw unprocessableError('TEMPLATE_NOT_APPROVED', verdict.message, {
      reason: verdict.reason,
      approvalStatus: template.approvalStatus ?? null,
      ...(template.documentId ? { template: template.documentId } : {}),
    });
  }
}

export const createTemplateApprovalService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The template to send, by documentId: 400 on the `template` field when there is none, 422
   * `TEMPLATE_NOT_APPROVED` when it cannot be sent.
   */
  async requireApproved(documentId: string): Promise<TemplateRow & { contentSid: string }> {
    const template = await templateRepository(strapi).findByDocumentId(documentId);
    if (!template) {
      throw new errors.ValidationError('Template not found', {
        errors: [{ path: ['template'], message: 'No template has this id', name: 'ValidationError' }],
      });
    }
    assertTemplateApproved(template);
    return template;
  },
});

export type TemplateApprovalService = ReturnType<typeof createTemplateApprovalService>;
