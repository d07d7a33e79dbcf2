/** The Message create request Twilio gets for one of our messages. Pure, no Strapi imports. */
import { toWhatsAppAddress } from './phone';

export type OutboundContent = {
  body?: string | null;
  mediaUrls: string[];
  contentSid?: string | null;
  contentVariables?: Record<string, string> | null;
};

/** `pinnedFrom`: one number of the Messaging Service's pool the message must go from (its conversation's). */
export type SenderSettings = { whatsappNumber?: string; messagingServiceSid?: string; pinnedFrom?: string };

/** Message create parameters, named as the twilio SDK names them. */
export type TwilioCreateParams = {
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  mediaUrl?: string[];
  contentSid?: string;
  contentVariables?: string;
  statusCallback?: string;
};

/**
 * A maker of `<public url>/api/whatsapp/webhook/status?messageId=<documentId>` for one public URL,
 * parsed once (a campaign builds thousands a second); undefined without a public URL.
 */
export const statusCallbackUrlMaker = (
  publicUrl: string | undefined,
  path: string,
  param: string
): ((messageDocumentId: string) => string) | undefined => {
  if (!publicUrl) return undefined;
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}${path}`);
  url.searchParams.set(param, '');
  // The parameter is the last one and empty: each id is appended to it.
  const prefix = url.toString();
  return (messageDocumentId) => `${prefix}${encodeURIComponent(messageDocumentId)}`;
};

/** `<public url>/api/whatsapp/webhook/status?messageId=<documentId>`; undefined without a public URL. */
export const buildStatusCallbackUrl = (
  publicUrl: string | undefined,
  path: string,
  param: string,
  messageDocumentId: string
): string | undefined => statusCallbackUrlMaker(publicUrl, path, param)?.(messageDocumentId);

/** The `From` address a send uses when it does not go through a Messaging Service. */
export const senderAddress = (sender: SenderSettings): string | undefined =>
  sender.whatsappNumber ? toWhatsAppAddress(sender.whatsappNumber) : undefined;

export const buildCreateParams = (input: {
  toE164: string;
  sender: SenderSettings;
  content: OutboundContent;
  statusCallback?: string;
}): TwilioCreateParams => {
  const { content, sender } = input;
  const params: TwilioCreateParams = { to: toWhatsAppAddress(input.toE164) };
  // A Messaging Service picks the sender from its pool (and applies its own pacing).
  if (sender.messagingServiceSid) {
    params.messagingServiceSid = sender.messagingServiceSid;
    if (sender.pinnedFrom) params.from = sender.pinnedFrom;
  } else params.from = senderAddress(sender);
  if (content.contentSid) {
    // Since April 2025 Twilio refuses template text sent as Body outside the window: a
    // template goes only as ContentSid + ContentVariables.
    params.contentSid = content.contentSid;
    if (content.contentVariables && Object.keys(content.contentVariables).length > 0) {
      params.contentVariables = JSON.stringify(content.contentVariables);
    }
  } else {
    if (content.body) params.body = content.body;
    if (content.mediaUrls.length > 0) params.mediaUrl = [...content.mediaUrls];
  }
  if (input.statusCallback) params.statusCallback = input.statusCallback;
  return params;
};

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  amr: 'audio/amr',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

/** A best guess from the URL's extension, for the `media` field; null when unknown. */
export const guessContentType = (url: string): string | null => {
  try {
    const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? '';
    return EXTENSION_TYPES[extension] ?? null;
  } catch {
    return null;
  }
};
