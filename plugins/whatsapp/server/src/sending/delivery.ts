import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SEND, SEND_PRIORITY, STATUS_CALLBACK_MESSAGE_PARAM, STATUS_CALLBACK_PATH } from '../constants';
import { JOB } from '../jobs/names';
import { buildCreateParams, buildStatusCallbackUrl, type TwilioCreateParams } from '../domain/outbound-request';
import { stripWhatsAppPrefix } from '../domain/phone';
import { renderTemplate } from '../domain/placeholders';
import { findAcceptedMessage } from '../domain/reconcile';
import { senderKeyOf } from '../domain/campaign-recipient';
import { checkConfigured } from '../domain/send-rules';
import type { ResolvedSettings } from '../domain/settings';
import { describeSendFailure, isTwilioFailure } from '../domain/twilio-errors';
import { createOutbox } from './outbox';
import { createOutboxRepository, type ClaimedMessage } from './outbox-sql';
import { createOutboundMessageRepository, type MessageRecord } from './outbound-sql';
import { getService } from '../utils/get-service';
import { createStartWindow } from '../utils/pacer';
import { createPrioritySlots } from '../utils/priority-slots';
import { hostHints } from '../utils/host-hints';

export type DeliveryOutcome = 'sent' | 'reconciled' | 'retry-scheduled' | 'deferred' | 'failed' | 'skipped';

export type DeliverOptions = {
  /** The caller already holds this send's token from the sender's bucket (the campaign dispatcher). */
  tokenHeld?: boolean;
  /** The send job's priority; a retry or a deferred send is queued again with it. */
  priority?: number;
};

/** What Twilio said about the message when we learned its SID (its answer, or its list). */
type Accepted = { sid: string; status: string | null; errorCode?: number | null; errorMessage?: string | null; sentAt: Date | null };

/**
 * Hands a pending message to Twilio, once. Twilio has no idempotency key on Message create,
 * so an attempt whose answer was lost is never simply repeated: the next run asks Twilio
 * (our status events, then its message list) whether the message exists, and only sends
 * again if it does not. 429 and "never left" are retried with backoff; a 4xx is final.
 */
export const createDeliveryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = createOutboxRepository(strapi);
  const steps = createOutbox(strapi);
  const messages = createOutboundMessageRepository(strapi);

  const log = (text: string) => strapi.log.info(`[whatsapp] ${text}`);

  /**
   * One-message sends of this instance under way at once, sized from the sender's pace (see
   * SEND.tokenLookaheadSeconds); the next slot goes to the highest priority waiting.
   */
  const sendSlots = createPrioritySlots();
  /**
   * This instance's one-message sends that start in any second: never more than WHATSAPP_MPS,
   * even when sends whose tokens came due a moment apart start together after a stall.
   */
  const startWindow = createStartWindow();

  /** The outbox's acceptance step, for a batch of one. */
  const recordAccepted = async (claim: ClaimedMessage, accepted: Accepted) => {
    const stored = await steps.recordAccepted([{ id: claim.id, documentId: claim.documentId, ...accepted }]);
    if (!stored.has(claim.id)) {
      strapi.log.warn(`[whatsapp] message ${claim.documentId}: Twilio SID ${accepted.sid} not stored, the message already has one`);
    }
  };

  /**
   * Our message at Twilio, if an earlier attempt did create it; null when it certainly did not
   * appear. `status` is what Twilio's list says, null when a callback told us (it applied its own).
   */
  const reconcile = async (
    claim: ClaimedMessage,
    params: TwilioCreateParams,
    message: MessageRecord
  ): Promise<Omit<Accepted, 'sentAt'> | null> => {
    // A status callback carries our id: if one came, it names the SID for certain.
    const fromCallback = await outbox.sidFromStatusEvents(claim.documentId);
    if (fromCallback) return { sid: fromCallback, status: null };

    const remote = await getService(strapi, 'twilio').listMessagesTo(params.to, {
      ...(params.from ? { from: params.from } : {}),
      limit: SEND.reconcileScanLimit,
    });
    const claimed = await outbox.claimedSids(remote.map((item) => item.sid));
    const expectedBody = message.template
      ? renderTemplate(message.template.body, message.variables ?? {}).text
      : (message.body ?? '');
    const match = findAcceptedMessage(
      remote,
      {
        to: params.to,
        ...(params.from ? { from: params.from } : {}),
        ...(params.messagingServiceSid ? { messagingServiceSid: params.messagingServiceSid } : {}),
        body: expectedBody,
        isTemplate: Boolean(message.template),
        mediaCount: message.media?.length ?? 0,
        ...(params.statusCallback ? { statusCallback: params.statusCallback } : {}),
        notBefore: new Date((claim.sendStartedAt ?? new Date()).getTime() - SEND.reconcileSkewMs),
      },
      claimed
    );
    return match ? { sid: match.sid, status: match.status, errorCode: match.errorCode, errorMessage: match.errorMessage } : null;
  };

  /** Writes why the message waits (`record`) and queues its send for `at`, atomically. */
  const queueSendAt = (claim: ClaimedMessage, at: Date, priority: number, record: (trx: Knex.Transaction) => Promise<void>) =>
    strapi.db.transaction(async ({ trx }) => {
      await record(trx);
      await getService(strapi, 'queue').send(JOB.sendMessage, { messageId: claim.documentId }, { startAfter: at, priority, trx });
    });

  /**
   * Waits for this send's token from the sender's bucket, the one every instance and the campaign
   * dispatcher draw from, so one-off sends and the outbox's retries (after a 429, say) count
   * against WHATSAPP_MPS too. False when the token comes too late to hold the message: it is
   * then back in the queue for that time (the token goes unused: a send not made, never one too many).
   */
  const awaitToken = async (claim: ClaimedMessage, settings: ResolvedSettings, priority: number): Promise<boolean> => {
    const sender = senderKeyOf(settings);
    if (!sender) return true;
    const grant = await getService(strapi, 'sending').rateLimiter.reserve(sender, 1, settings.mps);
    const startAt = grant.grantedAt + (grant.delaysMs[0] ?? 0);
    const waitMs = startAt - Date.now();
    if (waitMs <= SEND.maxTokenWaitMs) {
      if (waitMs > 0) await sleep(waitMs);
      await startWindow.take(1000 / settings.mps);
      return true;
    }
    const at = new Date(startAt);
    await queueSendAt(claim, at, priority, (trx) => outbox.defer(trx, claim.id, at));
    log(`message ${claim.documentId}: the sender's pace leaves no room before ${at.toISOString()}; sent then`);
    return false;
  };

  const acquireSendSlot = async (priority: number) => {
    const { mps } = await getService(strapi, 'settings').getResolved();
    return sendSlots.acquire(1 + Math.ceil(mps * SEND.tokenLookaheadSeconds), priority);
  };

  const deliverClaimed = async (claim: ClaimedMessage, options: DeliverOptions): Promise<DeliveryOutcome> => {
    const priority = options.priority ?? SEND_PRIORITY.api;
    const message = await messages.findMessage(claim.documentId);
    if (!message?.to) {
      await outbox.recordFailed(claim.id, { code: null, message: 'The message has no recipient.' });
      return 'failed';
    }
    const settings = await getService(strapi, 'settings').getResolved();
    const notConfigured = checkConfigured(settings, hostHints());
    if (notConfigured) {
      await outbox.recordFailed(claim.id, { code: null, message: notConfigured.message });
      return 'failed';
    }
    const params = buildCreateParams({
      toE164: stripWhatsAppPrefix(message.to),
      // A reply in a conversation with another number of the Messaging Service goes from that number.
      sender:
        settings.messagingServiceSid && message.from && stripWhatsAppPrefix(message.from) !== settings.whatsappNumber
          ? { ...settings, pinnedFrom: message.from }
          : settings,
      content: {
        body: message.body,
        mediaUrls: message.media?.map((item) => item.url) ?? [],
        contentSid: message.template?.contentSid ?? null,
        contentVariables: message.variables,
      },
      statusCallback: buildStatusCallbackUrl(settings.publicUrl, STATUS_CALLBACK_PATH, STATUS_CALLBACK_MESSAGE_PARAM, claim.documentId),
    });

    if (claim.sendStartedAt) {
      let found: Omit<Accepted, 'sentAt'> | null;
      try {
        found = await reconcile(claim, params, message);
      } catch (error) {
        if (!isTwilioFailure(error)) throw error;
        // Can't tell yet whether it was accepted: ask again later, never send blind.
        await steps.retryLater(claim, claim.sendAttempts, `Reconcile failed: ${describeSendFailure(error)}`, true, priority);
        return 'retry-scheduled';
      }
      if (found) {
        await recordAccepted(claim, { ...found, sentAt: null });
        log(`message ${claim.documentId}: found at Twilio as ${found.sid} after an attempt with no answer; not sent again`);
        return 'reconciled';
      }
    }

    // A message can wait (retries, a queue backlog); one who opted out meanwhile gets nothing.
    if (message.candidate?.optIn === 'opted_out') {
      await outbox.recordFailed(claim.id, { code: null, message: 'Not sent: the candidate opted out before the message went out.' });
      log(`message ${claim.documentId}: not sent, the candidate opted out meanwhile`);
      return 'failed';
    }

    if (claim.sendAttempts >= SEND.maxAttempts) {
      await outbox.recordFailed(claim.id, {
        code: null,
        message: `Twilio did not accept the message after ${claim.sendAttempts} attempts. Last error: ${claim.lastSendError ?? 'unknown'}`,
      });
      strapi.log.warn(`[whatsapp] message ${claim.documentId}: gave up after ${claim.sendAttempts} attempts`);
      return 'failed';
    }

    if (!options.tokenHeld && !(await awaitToken(claim, settings, priority))) return 'deferred';
    await outbox.markAttemptStarted(claim.id);
    const attempt = claim.sendAttempts + 1;
    try {
      const accepted = await getService(strapi, 'twilio').createMessage(params);
      await recordAccepted(claim, { sid: accepted.sid, status: accepted.status, sentAt: accepted.dateSent });
      strapi.log.debug(`[whatsapp] message ${claim.documentId}: accepted by Twilio as ${accepted.sid} (${accepted.status})`);
      return 'sent';
    } catch (error) {
      if (!isTwilioFailure(error)) throw error;
      return steps.refused(claim, error, attempt, priority);
    }
  };

  return {
    /** The send job: one attempt (or reconcile) for one message. */
    async deliver(documentId: string, options: DeliverOptions = {}): Promise<DeliveryOutcome> {
      // The campaign dispatcher paces its own sends; a one-message send waits for a slot first,
      // before it claims the message, so the wait never eats into the claim's lease.
      const release = options.tokenHeld ? () => undefined : await acquireSendSlot(options.priority ?? SEND_PRIORITY.api);
      try {
        const claim = await outbox.claim(documentId, SEND.leaseSeconds);
        if (!claim) return 'skipped';
        try {
          return await deliverClaimed(claim, options);
        } catch (error) {
          // Unforeseen (database down, a bug): give the message back; `send_started_at` still
          // says whether Twilio must be asked first, and pg-boss runs the job again.
          await outbox.release(claim.id).catch(() => undefined);
          throw error;
        }
      } finally {
        release();
      }
    },

    /**
     * Hands overdue pending messages whose job was lost back to the queue; returns how many. A
     * message whose job still waits in the queue (a backlog, a retry's backoff) is not one of them.
     */
    async sweep(): Promise<number> {
      const overdue = await outbox.findOverdue(SEND.orphanAfterMs, 100);
      const queue = getService(strapi, 'queue');
      for (const messageId of overdue) await queue.send(JOB.sendMessage, { messageId });
      if (overdue.length > 0) log(`outbox sweep re-queued ${overdue.length} pending message(s)`);
      return overdue.length;
    },
  };
};

export type DeliveryService = ReturnType<typeof createDeliveryService>;
