import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { INBOUND_BATCH } from '../constants';
import { toE164, toInboundMessage, type InboundMessage, type TwilioParams } from '../domain/inbound';
import { createInboundMessageRepository, type StoredInbound } from './sql';
import { createBatcher } from '../utils/batcher';
import { runTogether, type TogetherOutcome } from '../utils/run-together';
import { getService } from '../utils/get-service';

const invalidAddress = (field: 'From' | 'To', message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });


type Outcome = TogetherOutcome<StoredInbound>;

export const createInboxService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createInboundMessageRepository(strapi);

  const storeDistinct = (messages: InboundMessage[]): Promise<Outcome[]> =>
    runTogether(
      messages,
      (group) => repository().storeMany(group, new Date()),
      (count) => strapi.log.error(`[whatsapp] storing ${count} inbound messages together failed; storing them one by one`)
    );

  // Webhooks that arrive together are stored together: one round trip and one commit.
  const batcher = createBatcher<InboundMessage, Outcome>({
    ...INBOUND_BATCH,
    async run(messages) {
      // A retry racing its original in the same batch: stored once, the copy answered as a retry.
      const distinct = [...new Map(messages.map((message) => [message.messageSid, message])).values()];
      const outcomes = await storeDistinct(distinct);
      const bySid = new Map(distinct.map((message, index) => [message.messageSid, outcomes[index] as Outcome]));
      const answered = new Set<string>();
      return messages.map((message) => {
        if (answered.has(message.messageSid)) return { created: false };
        answered.add(message.messageSid);
        return bySid.get(message.messageSid) as Outcome;
      });
    },
  });

  return {
    /**
     * Stores an inbound WhatsApp message (parameters already checked by inbound/validation.ts),
     * creating its candidate and conversation as needed. A retry of a stored MessageSid changes
     * nothing and answers `created: false`.
     */
    async receive(params: TwilioParams & { From: string; To?: string }): Promise<StoredInbound> {
      const settings = await getService(strapi, 'settings').getResolved();
      const from = toE164(params.From, settings.defaultCountry);
      if (!from) throw invalidAddress('From', 'From is not a WhatsApp phone number');
      // Twilio always sends To; a hand-made request without it lands on our configured sender.
      const toAddress = params.To ?? settings.whatsappNumber;
      const to = toAddress ? toE164(toAddress, settings.defaultCountry) : null;
      if (!to) throw invalidAddress('To', 'To is not a WhatsApp phone number');

      const message = toInboundMessage(params, { from, to });
      const outcome = await batcher.submit(message);
      if ('failed' in outcome) throw outcome.failed;
      if (outcome.created) {
        strapi.log.debug(`[whatsapp] inbound ${message.messageType} message ${outcome.messageId} stored (conversation ${outcome.conversationId})`);
        // Only a conversation this message opened: one that exists keeps its assignee (or none).
        if (outcome.conversationCreated) await getService(strapi, 'team-inbox').assignment.autoAssign(outcome.conversationId);
      } else {
        strapi.log.debug(`[whatsapp] inbound message ${message.messageSid} was already stored (Twilio retry)`);
      }
      return outcome;
    },
  };
};

export type InboxService = ReturnType<typeof createInboxService>;
