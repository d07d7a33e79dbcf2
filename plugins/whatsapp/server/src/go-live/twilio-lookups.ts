import type { TwilioClient } from '../twilio/client-factory';

/**
 * What Twilio's API tells about a sender: the number on the account (IncomingPhoneNumbers), its
 * WhatsApp registration (Messaging v2 Channels/Senders) and a Messaging Service with its pool.
 * Errors are the SDK's: callers read them with toTwilioFailure().
 */

export type OwnedNumber = { sid: string; phoneNumber: string; smsUrl: string | null; smsMethod: string | null };

export type WhatsAppSender = {
  sid: string;
  senderId: string;
  status: string;
  callbackUrl: string | null;
  callbackMethod: string | null;
  offlineReasons: string[];
};

export type ServiceInfo = {
  sid: string;
  friendlyName: string;
  inboundRequestUrl: string | null;
  inboundMethod: string | null;
  useInboundWebhookOnNumber: boolean;
  phoneNumbers: string[];
  /** Channel senders of the pool, e.g. `whatsapp:+15005550006`. */
  senders: Array<{ sender: string; type: string }>;
};

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value : null);

export const findOwnedNumber = async (client: TwilioClient, accountSid: string, phoneNumber: string): Promise<OwnedNumber | null> => {
  const [number] = await client.api.v2010.accounts(accountSid).incomingPhoneNumbers.list({ phoneNumber, limit: 1 });
  if (!number) return null;
  return { sid: number.sid, phoneNumber: number.phoneNumber, smsUrl: blankToNull(number.smsUrl), smsMethod: number.smsMethod ?? null };
};

/** Every WhatsApp sender registered on the account (a few: one per business number). */
export const listWhatsAppSenders = async (client: TwilioClient): Promise<WhatsAppSender[]> => {
  const senders = await client.messaging.v2.channelsSenders.list({ channel: 'whatsapp', limit: 200 });
  return senders.map((sender) => {
    const webhook = (sender.webhook ?? {}) as { callbackUrl?: string | null; callbackMethod?: string | null };
    const reasons = (sender.offlineReasons ?? []) as Array<{ code?: string; message?: string }>;
    return {
      sid: sender.sid,
      senderId: sender.senderId,
      status: sender.status,
      callbackUrl: blankToNull(webhook.callbackUrl),
      callbackMethod: webhook.callbackMethod ?? null,
      offlineReasons: reasons.map((reason) => reason.message ?? reason.code ?? 'unknown').filter(Boolean),
    };
  });
};

/** The service and its pool; null when Twilio does not know it (404). */
export const fetchService = async (client: TwilioClient, sid: string): Promise<ServiceInfo | null> => {
  let service;
  try {
    service = await client.messaging.v1.services(sid).fetch();
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
  const [numbers, senders] = await Promise.all([
    client.messaging.v1.services(sid).phoneNumbers.list({ limit: 200 }),
    client.messaging.v1.services(sid).channelSenders.list({ limit: 200 }),
  ]);
  return {
    sid: service.sid,
    friendlyName: service.friendlyName,
    inboundRequestUrl: blankToNull(service.inboundRequestUrl),
    inboundMethod: service.inboundMethod ?? null,
    useInboundWebhookOnNumber: Boolean(service.useInboundWebhookOnNumber),
    phoneNumbers: numbers.map((number) => number.phoneNumber),
    senders: senders.map((sender) => ({ sender: sender.sender, type: sender.senderType })),
  };
};
