import { nowSeconds } from './dates';
import type { ContentStore } from './content-store';
import { renderTemplate, templateMedia, templateText } from './content-resource';
import { isSid, newSid } from './ids';
import { isValidAddress, isWhatsApp } from './phone';
import { TwilioApiError } from './twilio-error';
import type { StoredMessage } from './types';

const MAX_BODY_CHARS = 1600;

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** An alphanumeric sender ID is a valid SMS From; WhatsApp needs a number. */
const isValidFrom = (from: string): boolean =>
  isValidAddress(from) || (!isWhatsApp(from) && !from.startsWith('+') && /^[A-Za-z0-9 ]{1,11}$/.test(from));

const readContentVariables = (raw: string | null): Record<string, string> | null => {
  if (raw === null || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TwilioApiError(400, 21656);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TwilioApiError(400, 21656);
  const variables: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new TwilioApiError(400, 21656);
    variables[key] = String(value);
  }
  return variables;
};

/**
 * Validates a Message create the way Twilio does (same checks, same codes, roughly the same order)
 * and builds the stored message. Throws TwilioApiError for a synchronous 400.
 */
export const buildOutboundMessage = (
  form: URLSearchParams,
  context: { accountSid: string; contents: ContentStore; seq: number },
): StoredMessage => {
  const to = form.get('To')?.trim() ?? '';
  const from = form.get('From')?.trim() || null;
  const messagingServiceSid = form.get('MessagingServiceSid')?.trim() || null;
  const body = form.get('Body') ?? '';
  const mediaUrls = form.getAll('MediaUrl').filter((url) => url !== '');
  const contentSid = form.get('ContentSid')?.trim() || null;
  const statusCallback = form.get('StatusCallback')?.trim() || null;

  if (to === '') throw new TwilioApiError(400, 21604);
  if (!from && !messagingServiceSid) throw new TwilioApiError(400, 21603);
  if (messagingServiceSid && !isSid(messagingServiceSid, 'MG')) {
    throw new TwilioApiError(400, 21701, `The Messaging Service Sid ${messagingServiceSid} is invalid.`);
  }
  if (!isValidAddress(to)) throw new TwilioApiError(400, 21211, `Invalid 'To' Phone Number: ${to}`);
  if (from && !isValidFrom(from)) throw new TwilioApiError(400, 21212, `Invalid 'From' Phone Number: ${from}`);
  if (from && isWhatsApp(from) !== isWhatsApp(to)) throw new TwilioApiError(400, 21910);
  if (statusCallback && !isHttpUrl(statusCallback)) throw new TwilioApiError(400, 21609);
  if (body === '' && mediaUrls.length === 0 && !contentSid) throw new TwilioApiError(400, 21619);
  if (body.length > MAX_BODY_CHARS) throw new TwilioApiError(400, 21617);
  if (mediaUrls.some((url) => !isHttpUrl(url))) throw new TwilioApiError(400, 21620);

  let renderedBody = body;
  let media = mediaUrls;
  let contentVariables: Record<string, string> | null = null;
  if (contentSid) {
    const content = isSid(contentSid, 'HX') ? context.contents.get(contentSid) : undefined;
    if (!content) throw new TwilioApiError(400, 21655);
    contentVariables = readContentVariables(form.get('ContentVariables'));
    renderedBody = renderTemplate(templateText(content), contentVariables, content.variables);
    if (media.length === 0) media = templateMedia(content);
  }

  const now = nowSeconds();
  const status = messagingServiceSid ? 'accepted' : 'queued';
  return {
    sid: newSid(media.length > 0 ? 'MM' : 'SM'),
    accountSid: context.accountSid,
    direction: 'outbound-api',
    from,
    to,
    body: renderedBody,
    status,
    messagingServiceSid,
    mediaUrls: media,
    contentSid,
    contentVariables,
    statusCallback,
    errorCode: null,
    errorMessage: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: null,
    seq: context.seq,
    plannedFailure: null,
    history: [{ status, at: now, errorCode: null }],
  };
};
