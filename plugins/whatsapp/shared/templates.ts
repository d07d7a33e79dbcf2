/** What the admin template routes answer, shared by the server and the Templates page. */
import { ACTIVE_APPROVAL_STATUSES } from '../server/src/domain/content-api';
import type { TemplateApprovalStatus } from '../server/src/domain/statuses';
import type { RenderedTemplate } from '../server/src/domain/variable-mapping';
import type { SyncCounts } from '../server/src/repositories/template';

export type { RenderedTemplate, TemplateApprovalStatus };

/** `GET /whatsapp/templates`: one row (dates as JSON strings). */
export type AdminTemplateView = {
  documentId: string;
  name: string;
  language: string;
  category: string;
  body: string;
  contentSid: string | null;
  approvalStatus: TemplateApprovalStatus;
  rejectionReason: string | null;
  lastSyncedAt: string | null;
  deletedAtTwilio: string | null;
  updatedAt: string;
};

/** `POST /whatsapp/templates/sync`. */
export type TemplateSyncAnswer = SyncCounts & { total: number; pages: number; syncedAt: string };

/**
 * Whether `POST /templates/:id/submit` can be asked for it: not deleted at Twilio and not already
 * under review or approved there (the server answers 409 for those).
 */
export const submittable = (template: Pick<AdminTemplateView, 'approvalStatus' | 'contentSid' | 'deletedAtTwilio'>) =>
  !template.deletedAtTwilio &&
  !(template.contentSid && (ACTIVE_APPROVAL_STATUSES as readonly string[]).includes(template.approvalStatus));

/** Placeholder rules and rendering, for the editor's checks and previews (the server applies the same). */
export { extractPlaceholders, renderTemplate, validateTemplateBody, TEMPLATE_BODY_MAX } from '../server/src/domain/placeholders';
export { QUICK_REPLY_MAX, QUICK_REPLY_TITLE_MAX } from '../server/src/domain/content-api';
export { TEMPLATE_CATEGORIES } from '../server/src/domain/statuses';

/** Meta's rule for template names. */
export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]{1,512}$/;
/** WhatsApp language codes: `en`, `en_US`, `pt_BR`… */
export const TEMPLATE_LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;
