import type { Core } from '@strapi/strapi';
import { SEND, STATUS_CALLBACK_MESSAGE_PARAM, STATUS_CALLBACK_PATH } from '../constants';
import { buildCreateParams, statusCallbackUrlMaker } from '../domain/outbound-request';
import type { ResolvedSettings } from '../domain/settings';
import { isTwilioFailure } from '../domain/twilio-errors';
import { createCampaignDeliveryRepository, type AcceptedSend } from './batch-outbox-sql';
import { createOutbox } from './outbox';
import type { Pacer } from '../utils/pacer';
import { getService } from '../utils/get-service';

/** A campaign message ready to go: everything Twilio needs is known from the dispatch. */
export type OutgoingMessage = {
  id: number;
  documentId: string;
  toE164: string;
  contentSid: string;
  variables: Record<string, string> | null;
};

export type SendSession = {
  /**
   * Sends each message at `base + delaysMs[i]`, through `pacer`. `claimed`: the messages were
   * claimed for their first attempt when they were written (else they are claimed group by group
   * as their time comes, so a pause can still take back those whose time has not come).
   */
  schedule(pacer: Pacer, messages: OutgoingMessage[], base: number, delaysMs: number[], claimed: boolean, spacingMs: number): void;
  /** Resolves once every acceptance so far is recorded. */
  flush(): Promise<void>;
  /**
   * Claims now every scheduled message not claimed yet (a pause can no longer take them back),
   * so that nothing this session will send looks left over to the dispatcher run after it.
   */
  claimRemaining(): Promise<void>;
};

type ClaimGroup = { startsAt: number; ids: number[]; claim?: Promise<Set<number>> };

/** Messages whose send times fall this close together are claimed together, in one statement. */
const CLAIM_GROUP_MS = 40;
/** Acceptances are recorded together once this many are waiting, or this long after the first. */
const RECORD_BATCH = 100;
const RECORD_DELAY_MS = 50;

/**
 * The campaign send: the outbox's steps (outbox.ts) for a batch at a time, each message claimed
 * and marked as an attempt before its request leaves and its acceptance recorded with others.
 */
export const createCampaignSenderService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createCampaignDeliveryRepository(strapi);
  const outbox = createOutbox(strapi);

  return {
    open(settings: ResolvedSettings, options: { onPushback: () => void }): SendSession {
      const pending: AcceptedSend[] = [];
      const statusCallbackFor = statusCallbackUrlMaker(settings.publicUrl, STATUS_CALLBACK_PATH, STATUS_CALLBACK_MESSAGE_PARAM);
      const unclaimed = new Set<ClaimGroup>();
      const claimGroup = (group: ClaimGroup) => {
        unclaimed.delete(group);
        group.claim ??= repository.claimFresh(group.ids, SEND.leaseSeconds).catch(async (error: Error) => {
          await getService(strapi, 'database-faults').logUnlessUnreachable(error, 'campaign claims', () =>
            strapi.log.error(`[whatsapp] campaign: claiming ${group.ids.length} message(s) failed: ${error.message}`)
          );
          return new Set<number>();
        });
        return group.claim;
      };
      let timer: NodeJS.Timeout | undefined;
      let chain: Promise<void> = Promise.resolve();

      const record = (batch: AcceptedSend[]) => {
        chain = chain.then(async () => {
          try {
            await outbox.recordAccepted(batch);
          } catch (error) {
            // The messages keep their lease and "attempt under way": once the lease runs out the
            // outbox asks Twilio about them (reconcile) and records what it finds.
            await getService(strapi, 'database-faults').logUnlessUnreachable(error, 'campaign send records', () =>
              strapi.log.error(`[whatsapp] campaign: recording ${batch.length} accepted send(s) failed: ${error instanceof Error ? error.message : String(error)}`)
            );
          }
        });
        return chain;
      };

      const takePending = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        return pending.splice(0, pending.length);
      };

      const accepted = (item: AcceptedSend) => {
        pending.push(item);
        if (pending.length >= RECORD_BATCH) void record(takePending());
        else timer ??= setTimeout(() => void record(takePending()), RECORD_DELAY_MS);
      };

      const sendOne = async (message: OutgoingMessage) => {
        const params = buildCreateParams({
          toE164: message.toE164,
          sender: settings,
          content: { body: null, mediaUrls: [], contentSid: message.contentSid, contentVariables: message.variables },
          statusCallback: statusCallbackFor?.(message.documentId),
        });
        try {
          const answer = await getService(strapi, 'twilio').createMessage(params);
          accepted({ id: message.id, documentId: message.documentId, sid: answer.sid, status: answer.status, sentAt: answer.dateSent });
        } catch (error) {
          if (!isTwilioFailure(error)) throw error;
          // A campaign message's first attempt; a retry is the outbox's one-message path.
          if ((await outbox.refused(message, error, 1)) === 'retry-scheduled') options.onPushback();
        }
      };

      const guarded = async (message: OutgoingMessage) => {
        try {
          await sendOne(message);
        } catch (error) {
          // Unforeseen (database down, a bug): the lease runs out and the outbox takes it from there.
          await getService(strapi, 'database-faults').logUnlessUnreachable(error, 'campaign sends', () =>
            strapi.log.error(`[whatsapp] campaign message ${message.documentId} could not be sent now (${error instanceof Error ? error.message : String(error)}); it stays in the outbox`)
          );
        }
      };

      return {
        schedule(pacer, messages, base, delaysMs, claimed, spacingMs) {
          if (claimed) {
            messages.forEach((message, index) => pacer.schedule(base + (delaysMs[index] ?? 0), () => guarded(message), spacingMs));
            return;
          }
          let group: ClaimGroup | undefined;
          messages.forEach((message, index) => {
            const at = base + (delaysMs[index] ?? 0);
            if (!group || at - group.startsAt > CLAIM_GROUP_MS) unclaimed.add((group = { startsAt: at, ids: [] }));
            const mine = group;
            mine.ids.push(message.id);
            pacer.schedule(at, async () => {
              // The first send of a group claims the whole group; until then a pause can take them back.
              if ((await claimGroup(mine)).has(message.id)) await guarded(message);
            }, spacingMs);
          });
        },

        async claimRemaining() {
          // One statement for them all: the groups' own claims would be one each.
          const groups = [...unclaimed];
          unclaimed.clear();
          const all = claimGroup({ startsAt: 0, ids: groups.flatMap((group) => group.ids) });
          for (const group of groups) group.claim ??= all;
          await all;
        },

        async flush() {
          if (pending.length > 0) await record(takePending());
          await chain;
        },
      };
    },
  };
};

export type CampaignSenderService = ReturnType<typeof createCampaignSenderService>;
