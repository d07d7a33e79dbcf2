/** What the admin template routes answer, shared by the server and the Templates page. */
import { ACTIVE_APPROVAL_STATUSES } from '../server/src/domain/content-api';
import type { TemplateApprovalStatus } from '../server/src/domain/statuses';
import type { RenderedTemplate } from '../server/src/domain/variable-mapping';
import type { SyncCounts } from '../server/src/templates/sql';

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
