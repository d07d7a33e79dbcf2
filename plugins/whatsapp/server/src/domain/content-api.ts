/**
 * Twilio Content API ↔ our template fields. Pure: no Strapi, no SDK.
 *
 * Twilio keeps one "Content" per template (`HX…`) with its text in `types` (keyed by content
 * type, e.g. `twilio/text`) and the WhatsApp approval (Meta's verdict) beside it.
 */
import { TEMPLATE_CATEGORIES, TWILIO_APPROVAL_STATUSES, type TwilioApprovalStatus } from '../../../shared/statuses';



/** A Content (with its approval) as the SDK hands it over: camelCase top level, raw JSON inside. */
export type RemoteContent = {
  sid: string;
  friendlyName?: string | null;
  language?: string | null;
  variables?: Record<string, unknown> | null;
  types?: Record<string, unknown> | null;
  approvalRequests?: Record<string, unknown> | null;
};

export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** What Twilio says a template is, in our field names. */
export type TemplateFromTwilio = {
  contentSid: string;
  name: string;
  language: string;
  /** Null while Twilio has no approval request, hence no category: ours is kept. */
  category: TemplateCategory | null;
  body: string;
  variables: Record<string, string>;
  approvalStatus: TwilioApprovalStatus;
  rejectionReason: string | null;
  twilioTypes: Record<string, unknown>;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Twilio's and Meta's approval states, case-insensitive. No approval request at all means
 * `unsubmitted`. A state we do not know (Meta adds some, e.g. `in_appeal`) is read as `pending`:
 * not usable for sending, and not a verdict we would invent.
 */
export const mapApprovalStatus = (raw: unknown): { status: TwilioApprovalStatus; known: boolean } => {
  if (raw === undefined || raw === null || raw === '') return { status: 'unsubmitted', known: true };
  const value = String(raw).trim().toLowerCase();
  const known = (TWILIO_APPROVAL_STATUSES as readonly string[]).includes(value);
  return { status: known ? (value as TwilioApprovalStatus) : 'pending', known };
};

/** Meta's rejection reason codes, in words staff can act on. Twilio may also send free text. */
const REJECTION_REASONS: Record<string, string> = {
  INVALID_FORMAT: 'the template is not formatted the way WhatsApp requires (placeholders, length or wording)',
  ABUSIVE_CONTENT: 'WhatsApp considers the content abusive',
  INCORRECT_CATEGORY: 'the category does not match the content (e.g. marketing text sent as UTILITY)',
  TAG_CONTENT_MISMATCH: 'the category does not match the content',
  PROMOTIONAL: 'the content is promotional for its category',
  SCAM: 'WhatsApp considers the content a possible scam',
};

/** A rejection reason as a sentence for people; unknown or free-text reasons pass through. */
export const describeRejectionReason = (reason: string | null | undefined): string | undefined => {
  const trimmed = reason?.trim();
  if (!trimmed || trimmed.toUpperCase() === 'NONE') return undefined;
  const known = REJECTION_REASONS[trimmed.toUpperCase()];
  return known ? `${trimmed}: ${known}` : trimmed;
};

/** Where the text lives in each content type, most common first. */
const TEXT_FIELDS: ReadonlyArray<[string, string]> = [
  ['twilio/text', 'body'],
  ['twilio/media', 'body'],
  ['twilio/quick-reply', 'body'],
  ['twilio/call-to-action', 'body'],
  ['twilio/list-picker', 'body'],
  ['whatsapp/card', 'body'],
  ['twilio/card', 'title'],
  ['whatsapp/authentication', 'body'],
];

/** The template's text, whatever content types it is made of. */
export const bodyFromTypes = (types: Record<string, unknown> | null | undefined): string => {
  if (!types) return '';
  for (const [type, field] of TEXT_FIELDS) {
    const entry = types[type];
    const value = isRecord(entry) ? text(entry[field]) : undefined;
    if (value !== undefined) return value;
  }
  return '';
};

const normaliseVariables = (raw: Record<string, unknown> | null | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value === null || value === undefined || typeof value === 'object') continue;
    out[key] = String(value);
  }
  return out;
};

const readCategory = (raw: unknown): TemplateCategory | null => {
  const value = text(raw)?.trim().toUpperCase();
  return value && (TEMPLATE_CATEGORIES as readonly string[]).includes(value) ? (value as TemplateCategory) : null;
};

/**
 * The fields of a template as Twilio holds it. The name is the one Meta knows (the approval
 * request's), else Twilio's friendly name, else the SID. A rejection reason is kept only while
 * it still explains the state: a template approved after a rejection has none.
 */
export const fromTwilioContent = (remote: RemoteContent): TemplateFromTwilio => {
  const approval = isRecord(remote.approvalRequests) ? remote.approvalRequests : {};
  const { status } = mapApprovalStatus(approval.status);
  const reason = text(approval.rejection_reason)?.trim();
  const name = text(approval.name)?.trim() || remote.friendlyName?.trim() || remote.sid.toLowerCase();
  const types = isRecord(remote.types) ? remote.types : {};
  return {
    contentSid: remote.sid,
    name,
    language: remote.language?.trim() || 'en',
    category: readCategory(approval.category),
    body: bodyFromTypes(types),
    variables: normaliseVariables(remote.variables),
    approvalStatus: status,
    rejectionReason: reason && ['rejected', 'paused', 'disabled'].includes(status) ? reason : null,
    twilioTypes: types,
  };
};

/** JSON equality that ignores key order (Postgres jsonb does not keep it). */
const stableJson = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    isRecord(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))) : entry,
  );

export type StoredTemplateFields = {
  name?: string | null;
  language?: string | null;
  category?: string | null;
  body?: string | null;
  variables?: unknown;
  approvalStatus?: string | null;
  rejectionReason?: string | null;
  twilioTypes?: unknown;
  deletedAtTwilio?: unknown;
};

/** The row to write for Twilio's copy: Twilio wins, except for a category it does not know yet. */
export const toStoredFields = (remote: TemplateFromTwilio, local?: StoredTemplateFields) => ({
  ...remote,
  category: remote.category ?? (readCategory(local?.category) ?? 'UTILITY'),
  deletedAtTwilio: null,
});

/** The fields Twilio's copy would change in ours; empty means nothing to write. */
export const changedFields = (local: StoredTemplateFields, remote: TemplateFromTwilio): string[] => {
  const next = toStoredFields(remote, local);
  const changed: string[] = [];
  const scalars = ['name', 'language', 'category', 'body', 'approvalStatus', 'rejectionReason'] as const;
  for (const key of scalars) {
    if ((local[key] ?? null) !== (next[key] ?? null)) changed.push(key);
  }
  if (stableJson(local.variables ?? {}) !== stableJson(next.variables)) changed.push('variables');
  if (stableJson(local.twilioTypes ?? {}) !== stableJson(next.twilioTypes)) changed.push('twilioTypes');
  // Listed again: whatever marked it deleted no longer holds.
  if (local.deletedAtTwilio) changed.push('deletedAtTwilio');
  return changed;
};

export { QUICK_REPLY_MAX, QUICK_REPLY_TITLE_MAX } from '../../../shared/templates';

export type ContentExtras = {
  /** One public https URL: an image, video or document shown above the text. */
  media?: string[];
  quickReplies?: Array<{ title: string; id?: string }>;
};

export type TemplateForTwilio = {
  name: string;
  language: string;
  category: string;
  body: string;
  variables?: Record<string, string> | null;
};

/**
 * The `types` of a new Content. `twilio/text` is always there: Twilio falls back to it on
 * channels that cannot show the richer type. The richer type comes first because Twilio submits
 * a Content's first type to WhatsApp.
 */
export const buildContentTypes = (body: string, extras: ContentExtras = {}): Record<string, Record<string, unknown>> => {
  const types: Record<string, Record<string, unknown>> = {};
  if (extras.quickReplies && extras.quickReplies.length > 0) {
    types['twilio/quick-reply'] = {
      body,
      actions: extras.quickReplies.map((reply) => ({ title: reply.title, id: reply.id ?? reply.title })),
    };
  } else if (extras.media && extras.media.length > 0) {
    types['twilio/media'] = { body, media: [...extras.media] };
  }
  types['twilio/text'] = { body };
  return types;
};

/**
 * `POST /v1/Content` body. snake_case on purpose: the SDK's TypeScript types say camelCase but it
 * sends the object as it is, and Twilio reads `friendly_name` and `twilio/text`.
 */
export const toContentCreateRequest = (template: TemplateForTwilio, extras: ContentExtras = {}) => ({
  friendly_name: template.name,
  language: template.language,
  variables: { ...(template.variables ?? {}) },
  types: buildContentTypes(template.body, extras),
});

/** `POST /v1/Content/{sid}/ApprovalRequests/whatsapp` body. */
export const toApprovalRequest = (template: Pick<TemplateForTwilio, 'name' | 'category'>) => ({
  name: template.name,
  category: template.category.toUpperCase(),
});
