import { nowSeconds } from './dates';
import { newSid } from './ids';
import { API_VERSION } from './message-resource';
import { stripChannel, toWhatsApp } from './phone';
import type { StoredMessage } from './types';

/** The WhatsApp sandbox sender, used when an inbound message names no `to`. */
export const SANDBOX_NUMBER = 'whatsapp:+14155238886';

export interface InboundMedia {
  /** Omit to have the emulator host a placeholder file (served with Basic auth, like Twilio media). */
  url?: string;
  contentType: string;
}

export interface InboundReferral {
  body?: string;
  headline?: string;
  sourceId?: string;
  sourceType?: string;
  sourceUrl?: string;
  mediaId?: string;
  mediaContentType?: string;
  mediaUrl?: string;
  ctwaClid?: string;
}

export interface InboundInput {
  /** The candidate's number, `+…` or `whatsapp:+…`. */
  from: string;
  /** Our WhatsApp sender; defaults to the sandbox number. */
  to?: string;
  body?: string;
  media?: InboundMedia[];
  profileName?: string;
  waId?: string;
  latitude?: number | string;
  longitude?: number | string;
  address?: string;
  label?: string;
  buttonText?: string;
  buttonPayload?: string;
  originalRepliedMessageSid?: string;
  originalRepliedMessageSender?: string;
  referral?: InboundReferral;
  messagingServiceSid?: string;
  /** Reuse a MessageSid, to replay what Twilio does when it retries a webhook. */
  messageSid?: string;
  /** Extra parameters to post as they are (e.g. ListId, ListTitle). */
  extraParams?: Record<string, string>;
  /** Webhook URL; defaults to the configured inboundWebhookUrl. */
  url?: string;
}

export interface InboundResult {
  url: string;
  messageSid: string;
  params: Record<string, string>;
  signature: string;
  /** The webhook's HTTP status, or null when it could not be reached. */
  status: number | null;
  body: string | null;
  error: string | null;
}

const messageType = (input: InboundInput): string => {
  if (input.latitude !== undefined && input.longitude !== undefined) return 'location';
  if (input.buttonPayload !== undefined || input.buttonText !== undefined) return 'button';
  const first = input.media?.[0]?.contentType ?? '';
  if (first.startsWith('image/')) return first === 'image/webp' ? 'sticker' : 'image';
  if (first.startsWith('video/')) return 'video';
  if (first.startsWith('audio/')) return 'audio';
  if (first !== '') return 'document';
  return 'text';
};

const REFERRAL_FIELDS: Record<keyof InboundReferral, string> = {
  body: 'ReferralBody',
  headline: 'ReferralHeadline',
  sourceId: 'ReferralSourceId',
  sourceType: 'ReferralSourceType',
  sourceUrl: 'ReferralSourceUrl',
  mediaId: 'ReferralMediaId',
  mediaContentType: 'ReferralMediaContentType',
  mediaUrl: 'ReferralMediaUrl',
  ctwaClid: 'ReferralCtwaClid',
};

/**
 * Builds the "a message comes in" parameters Twilio posts for WhatsApp. Media URLs must already be
 * resolved. Media messages get an `MM` SID, as Twilio gives them.
 */
export const buildInboundParams = (
  input: InboundInput,
  mediaUrls: string[],
  context: { accountSid: string; messageSid: string },
): Record<string, string> => {
  const from = toWhatsApp(input.from);
  const to = toWhatsApp(input.to ?? SANDBOX_NUMBER);
  const waId = input.waId ?? stripChannel(from).replace(/^\+/, '');
  const type = messageType(input);
  const params: Record<string, string> = {
    SmsMessageSid: context.messageSid,
    NumMedia: String(mediaUrls.length),
    MessageType: type,
    SmsSid: context.messageSid,
    WaId: waId,
    SmsStatus: 'received',
    Body: input.body ?? (type === 'button' ? (input.buttonText ?? '') : ''),
    To: to,
    NumSegments: '1',
    ReferralNumMedia: input.referral?.mediaUrl ? '1' : '0',
    MessageSid: context.messageSid,
    AccountSid: context.accountSid,
    From: from,
    ApiVersion: API_VERSION,
    ChannelMetadata: JSON.stringify({
      type: 'whatsapp',
      data: { context: { ...(input.profileName !== undefined ? { ProfileName: input.profileName } : {}), WaId: waId } },
    }),
  };
  if (input.profileName !== undefined) params.ProfileName = input.profileName;
  if (input.messagingServiceSid) params.MessagingServiceSid = input.messagingServiceSid;
  (input.media ?? []).forEach((media, index) => {
    params[`MediaContentType${index}`] = media.contentType;
    params[`MediaUrl${index}`] = mediaUrls[index] ?? '';
  });
  if (type === 'location') {
    params.Latitude = String(input.latitude);
    params.Longitude = String(input.longitude);
    if (input.address !== undefined) params.Address = input.address;
    if (input.label !== undefined) params.Label = input.label;
  }
  if (input.buttonText !== undefined) params.ButtonText = input.buttonText;
  if (input.buttonPayload !== undefined) params.ButtonPayload = input.buttonPayload;
  if (input.originalRepliedMessageSid !== undefined) {
    params.OriginalRepliedMessageSid = input.originalRepliedMessageSid;
    params.OriginalRepliedMessageSender = input.originalRepliedMessageSender ?? to;
  }
  for (const [key, field] of Object.entries(REFERRAL_FIELDS) as [keyof InboundReferral, string][]) {
    const value = input.referral?.[key];
    if (value !== undefined) params[field] = value;
  }
  return { ...params, ...(input.extraParams ?? {}) };
};

export const newInboundSid = (input: InboundInput): string =>
  input.messageSid ?? newSid((input.media?.length ?? 0) > 0 ? 'MM' : 'SM');

export const inboundToStored = (params: Record<string, string>, mediaUrls: string[], seq: number): StoredMessage => {
  const now = nowSeconds();
  return {
    sid: params.MessageSid ?? '',
    accountSid: params.AccountSid ?? '',
    direction: 'inbound',
    from: params.From ?? null,
    to: params.To ?? '',
    body: params.Body ?? '',
    status: 'received',
    messagingServiceSid: params.MessagingServiceSid ?? null,
    mediaUrls,
    contentSid: null,
    contentVariables: null,
    statusCallback: null,
    errorCode: null,
    errorMessage: null,
    dateCreated: now,
    dateUpdated: now,
    dateSent: now,
    seq,
    plannedFailure: null,
    history: [{ status: 'received', at: now, errorCode: null }],
  };
};
