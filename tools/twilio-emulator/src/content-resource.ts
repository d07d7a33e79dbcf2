import { iso8601 } from './dates';
import type { EmulatedContent, StoredContent } from './content-types';

export const contentUrl = (origin: string, sid: string): string => `${origin}/v1/Content/${sid}`;

export const primaryContentType = (content: StoredContent): string => Object.keys(content.types)[0] ?? 'twilio/text';

const approvalBody = (content: StoredContent): Record<string, unknown> => ({
  type: 'whatsapp',
  name: content.approval.name,
  category: content.approval.category,
  content_type: primaryContentType(content),
  status: content.approval.status,
  rejection_reason: content.approval.rejectionReason,
  allow_category_change: content.approval.allowCategoryChange,
});

const baseFields = (content: StoredContent): Record<string, unknown> => ({
  date_created: iso8601(content.dateCreated),
  date_updated: iso8601(content.dateUpdated),
  sid: content.sid,
  account_sid: content.accountSid,
  friendly_name: content.friendlyName,
  language: content.language,
  variables: content.variables,
  types: content.types,
});

export const toContentResource = (content: StoredContent, origin: string): Record<string, unknown> => ({
  ...baseFields(content),
  url: contentUrl(origin, content.sid),
  links: {
    approval_create: `${contentUrl(origin, content.sid)}/ApprovalRequests/whatsapp`,
    approval_fetch: `${contentUrl(origin, content.sid)}/ApprovalRequests`,
  },
});

export const toContentAndApprovals = (content: StoredContent): Record<string, unknown> => ({
  ...baseFields(content),
  approval_requests: approvalBody(content),
});

export const toApprovalFetch = (content: StoredContent, origin: string): Record<string, unknown> => ({
  sid: content.sid,
  account_sid: content.accountSid,
  whatsapp: approvalBody(content),
  url: `${contentUrl(origin, content.sid)}/ApprovalRequests`,
});

export const toApprovalCreate = (content: StoredContent): Record<string, unknown> => {
  const { type: _type, ...rest } = approvalBody(content);
  return rest;
};

/** The text a template renders to, the way Twilio fills a sent message's body. */
export const templateText = (content: StoredContent): string => {
  const types = content.types;
  const candidates: unknown[] = [
    types['twilio/text']?.body,
    types['twilio/media']?.body,
    types['twilio/quick-reply']?.body,
    types['twilio/call-to-action']?.body,
    types['twilio/list-picker']?.body,
    types['whatsapp/card']?.body,
    types['twilio/card']?.title,
  ];
  const text = candidates.find((value): value is string => typeof value === 'string');
  return text ?? '';
};

export const templateMedia = (content: StoredContent): string[] => {
  const media = content.types['twilio/media']?.media;
  return Array.isArray(media) ? media.filter((url): url is string => typeof url === 'string') : [];
};

export const renderTemplate = (
  text: string,
  variables: Record<string, string> | null,
  defaults: Record<string, string>,
): string =>
  text.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (match, key: string) => variables?.[key] ?? defaults[key] ?? match);

export const toEmulatedContent = (content: StoredContent): EmulatedContent => ({
  sid: content.sid,
  friendlyName: content.friendlyName,
  language: content.language,
  variables: { ...content.variables },
  types: structuredClone(content.types),
  approval: { ...content.approval },
  dateCreated: content.dateCreated.toISOString(),
  dateUpdated: content.dateUpdated.toISOString(),
});
