import type { Core } from '@strapi/strapi';
import { SANDBOX_SENDER } from '../domain/settings';
import { describeConnectionFailure } from '../domain/twilio-errors';
import { toTwilioFailure } from '../twilio/service';
import { getService } from '../utils/get-service';
import { fetchService, findOwnedNumber, listWhatsAppSenders, type OwnedNumber, type ServiceInfo, type WhatsAppSender } from './twilio-lookups';

/** What Twilio says about the configured sender; shared by the sender, webhook and public-URL checks. */
export type SenderFinding =
  | { kind: 'none' }
  | { kind: 'blocked'; reason: string }
  | { kind: 'error'; reason: string }
  | { kind: 'sandbox'; number: string }
  | { kind: 'number'; number: string; owned: OwnedNumber | null; whatsapp: WhatsAppSender | null; whatsappLookupError: string | null }
  | { kind: 'service'; sid: string; service: ServiceInfo | null; whatsapp: WhatsAppSender | null; number: string | null };

/** Where Twilio posts incoming messages for this sender, when its API says. */
export type TwilioWebhook = { url: string | null; method: string | null; where: string };

const memo = <T>(load: () => Promise<T>) => {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
};

const bare = (address: string) => address.replace(/^whatsapp:/i, '');

/** One run's lookups, each made once however many checks need it. */
export const createCheckContext = (strapi: Core.Strapi) => {
  const settings = memo(() => getService(strapi, 'settings').getResolved());
  const connection = memo(() => getService(strapi, 'settings').testConnection());

  const sender = memo(async (): Promise<SenderFinding> => {
    const resolved = await settings();
    if (!resolved.messagingServiceSid && !resolved.whatsappNumber) return { kind: 'none' };
    if (!resolved.messagingServiceSid && resolved.whatsappNumber === SANDBOX_SENDER) return { kind: 'sandbox', number: SANDBOX_SENDER };
    const connected = await connection();
    if (!connected.ok) return { kind: 'blocked', reason: connected.problem.message };
    const client = await getService(strapi, 'twilio').sdk();
    const failed = (error: unknown): SenderFinding => ({
      kind: 'error',
      reason: describeConnectionFailure(toTwilioFailure(error, resolved.authToken), resolved.apiBaseUrl).message,
    });
    // WhatsApp senders are listed on the Messaging v2 API; an account without access to it still
    // has its numbers checked, and the check says what it could not confirm.
    const whatsappSenders = async () => {
      try {
        return { senders: await listWhatsAppSenders(client), error: null };
      } catch (error) {
        return { senders: [] as WhatsAppSender[], error: toTwilioFailure(error, resolved.authToken).message };
      }
    };
    try {
      if (resolved.messagingServiceSid) {
        const service = await fetchService(client, resolved.messagingServiceSid);
        const poolSender = service?.senders.find((entry) => /^whatsapp:/i.test(entry.sender));
        const { senders } = poolSender ? await whatsappSenders() : { senders: [] };
        const whatsapp = poolSender ? senders.find((entry) => bare(entry.senderId) === bare(poolSender.sender)) ?? null : null;
        return { kind: 'service', sid: resolved.messagingServiceSid, service, whatsapp, number: poolSender ? bare(poolSender.sender) : null };
      }
      const number = resolved.whatsappNumber as string;
      const [owned, listed] = await Promise.all([findOwnedNumber(client, resolved.accountSid as string, number), whatsappSenders()]);
      const whatsapp = listed.senders.find((entry) => bare(entry.senderId) === number) ?? null;
      return { kind: 'number', number, owned, whatsapp, whatsappLookupError: listed.error };
    } catch (error) {
      return failed(error);
    }
  });

  const twilioWebhook = memo(async (): Promise<TwilioWebhook | null> => {
    const found = await sender();
    if (found.kind === 'number') {
      if (found.whatsapp) {
        return { url: found.whatsapp.callbackUrl, method: found.whatsapp.callbackMethod, where: `the WhatsApp sender ${found.number} (Messaging › Senders › WhatsApp senders › ${found.number} › Endpoint configuration › Webhook URL for incoming messages)` };
      }
      if (found.owned) {
        return { url: found.owned.smsUrl, method: found.owned.smsMethod, where: `the number ${found.number} (Phone Numbers › Active numbers › ${found.number} › Messaging configuration › A message comes in)` };
      }
      return null;
    }
    if (found.kind === 'service' && found.service) {
      if (!found.service.useInboundWebhookOnNumber) {
        return {
          url: found.service.inboundRequestUrl,
          method: found.service.inboundMethod,
          where: `the Messaging Service "${found.service.friendlyName}" (Messaging › Services › ${found.service.friendlyName} › Integration › Send a webhook › Request URL)`,
        };
      }
      if (found.whatsapp) {
        return { url: found.whatsapp.callbackUrl, method: found.whatsapp.callbackMethod, where: `the WhatsApp sender ${found.number} (Messaging › Senders › WhatsApp senders)` };
      }
    }
    return null;
  });

  return {
    strapi,
    settings,
    connection,
    sender,
    twilioWebhook,
    serverUrl: () => {
      const value = strapi.config.get('server.url');
      return typeof value === 'string' && /^https?:\/\/[^/]/i.test(value) ? value.replace(/\/+$/, '') : null;
    },
    production: () => process.env.NODE_ENV === 'production',
  };
};

export type CheckContext = ReturnType<typeof createCheckContext>;
