/** What the admin template routes answer, shared by the server and the Templates page. */
import { ACTIVE_APPROVAL_STATUSES, type TemplateApprovalStatus } from './statuses';

export type { TemplateApprovalStatus };

/** A template's text for one candidate, with what is missing. */
export type RenderedTemplate = {
  text: string;
  /** Placeholder numbers left empty, ascending. */
  missing: number[];
  /** The values used, keyed by placeholder number: what goes to Twilio as ContentVariables. */
  variables: Record<string, string>;
};

/** What a template sync did, by template. */
export type SyncCounts = { created: number; updated: number; unchanged: number; markedDeleted: number; skipped: number };

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
export { extractPlaceholders, renderTemplate, validateTemplateBody, TEMPLATE_BODY_MAX } from './placeholders';
export { TEMPLATE_CATEGORIES } from './statuses';

/** WhatsApp quick-reply buttons in a template: at most this many, each title this long. */
export const QUICK_REPLY_MAX = 10;
export const QUICK_REPLY_TITLE_MAX = 20;

/** Meta's rule for template names. */
export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]{1,512}$/;
/** WhatsApp language codes: `en`, `en_US`, `pt_BR`… */
export const TEMPLATE_LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;
