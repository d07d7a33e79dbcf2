import type { Core } from '@strapi/strapi';
import { toE164 } from '../domain/inbound';
import { getService } from '../utils/get-service';

/** How long the Messaging Service's sender pool is trusted before asking Twilio again. */
const POOL_TTL_MS = 5 * 60 * 1000;

/**
 * The WhatsApp numbers of the configured Messaging Service's sender pool (E.164), read from
 * Twilio and kept for a few minutes. When Twilio cannot be asked, the pool is taken as empty: a
 * conversation with one of its numbers is then offered a template from the current sender
 * rather than a reply from a number we cannot vouch for.
 */
export const createServiceNumbers = (strapi: Core.Strapi) => {
  let cached: { sid: string; at: number; numbers: string[] } | null = null;

  return async (messagingServiceSid: string | undefined, defaultCountry: string): Promise<string[]> => {
    if (!messagingServiceSid) return [];
    if (cached?.sid === messagingServiceSid && Date.now() - cached.at < POOL_TTL_MS) return cached.numbers;
    try {
      const client = await getService(strapi, 'twilio').sdk();
      // WhatsApp senders sit in the pool as channel senders (`whatsapp:+…`); plain numbers count too.
      const service = client.messaging.v1.services(messagingServiceSid);
      const [phoneNumbers, channelSenders] = await Promise.all([service.phoneNumbers.list({ limit: 400 }), service.channelSenders.list({ limit: 400 })]);
      const numbers = [...phoneNumbers.map((entry) => entry.phoneNumber ?? ''), ...channelSenders.map((entry) => entry.sender ?? '')]
        // Read as the webhook reads a `To`, so a pool number compares equal to a conversation's sender.
        .flatMap((address) => toE164(address, defaultCountry) ?? []);
      cached = { sid: messagingServiceSid, at: Date.now(), numbers };
      return numbers;
    } catch (error) {
      strapi.log.warn(`[whatsapp] could not read the Messaging Service's numbers: ${(error as Error).message?.slice(0, 200)}`);
      return [];
    }
  };
};
