import type { Core } from '@strapi/strapi';
import { SEND } from '../constants';
import { JOB } from '../jobs/names';
import { OUTBOUND_STATUSES, type MessageStatus } from '../../../shared/statuses';
import { classifySendFailure, describeSendFailure, retryDelayMs, type TwilioFailure } from '../domain/twilio-errors';
import { createCampaignDeliveryRepository, PLAIN_ACCEPTED_STATUSES, type AcceptedSend } from './batch-outbox-sql';
import { createOutboxRepository } from './outbox-sql';
import { getService } from '../utils/get-service';

export type OutboxMessage = { id: number; documentId: string };
export type RefusalOutcome = 'failed' | 'retry-scheduled';

const knownStatus = (status: string | null): MessageStatus | null =>
  status && (OUTBOUND_STATUSES as readonly string[]).includes(status) ? (status as MessageStatus) : null;

/**
 * The outbox's steps after a Twilio call, for every send: one message or a campaign's batch (a
 * single send is a batch of one). Acceptances are recorded together; a refusal is final (4xx) or
 * retried with backoff, and a retry whose outcome is unknown reconciles with Twilio before
 * sending again, so a message is never sent twice and never dropped.
 */
export const createOutbox = (strapi: Core.Strapi) => {
  const batches = createCampaignDeliveryRepository(strapi);
  const outbox = createOutboxRepository(strapi);

  /** Records the attempt's error and queues the next attempt, atomically. */
  const retryLater = async (message: OutboxMessage, attempt: number, error: string, outcomeUnknown: boolean, priority?: number) => {
    const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempt, { baseMs: SEND.retryBaseMs, maxMs: SEND.retryMaxMs }));
    await strapi.db.transaction(async ({ trx }) => {
      await outbox.recordRetry(trx, message.id, { error, nextAttemptAt, outcomeUnknown });
      await getService(strapi, 'queue').send(JOB.sendMessage, { messageId: message.documentId }, {
        startAfter: nextAttemptAt,
        trx,
        ...(priority === undefined ? {} : { priority }),
      });
    });
    strapi.log.info(
      `[whatsapp] message ${message.documentId}: attempt ${attempt} not accepted (${outcomeUnknown ? 'outcome unknown' : 'refused for now'}); next attempt at ${nextAttemptAt.toISOString()}`
    );
  };

  return {
    retryLater,

    /**
     * Stores each SID with the status Twilio answered (one statement for the batch); a status that
     * proves more than an acceptance goes through the status service, and statuses that arrived
     * before the SID without our id are applied now. Returns the ids stored.
     */
    async recordAccepted(accepted: AcceptedSend[]): Promise<Set<number>> {
      const stored = await batches.recordAccepted(accepted, new Date());
      const statuses = getService(strapi, 'status-sync').statuses;
      for (const item of accepted.filter((entry) => stored.has(entry.id))) {
        const status = knownStatus(item.status);
        if (!status || PLAIN_ACCEPTED_STATUSES.has(status)) continue;
        await statuses.record({
          messageSid: item.sid,
          status,
          errorCode: item.errorCode ?? null,
          errorMessage: item.errorMessage ?? null,
          messageDocumentId: item.documentId,
          source: 'send',
        });
      }
      const waiting = await batches.withPendingEvents(accepted.filter((entry) => stored.has(entry.id)));
      for (const documentId of waiting) await statuses.applyPendingEvents(documentId);
      return stored;
    },

    /** Twilio refused the attempt or did not answer it: failed for good, or retried later. */
    async refused(message: OutboxMessage, failure: TwilioFailure, attempt: number, priority?: number): Promise<RefusalOutcome> {
      const kind = classifySendFailure(failure);
      if (kind === 'final') {
        await outbox.recordFailed(message.id, { code: failure.twilioCode ?? null, message: failure.message });
        strapi.log.warn(`[whatsapp] message ${message.documentId}: Twilio refused it (HTTP ${failure.httpStatus}, code ${failure.twilioCode ?? 'none'})`);
        return 'failed';
      }
      if (kind === 'retry' && attempt >= SEND.maxAttempts) {
        await outbox.recordFailed(message.id, {
          code: failure.twilioCode ?? null,
          message: `Twilio did not accept the message after ${attempt} attempts: ${failure.message}`,
        });
        strapi.log.warn(`[whatsapp] message ${message.documentId}: gave up after ${attempt} attempts`);
        return 'failed';
      }
      await retryLater(message, attempt, describeSendFailure(failure), kind === 'unknown', priority);
      return 'retry-scheduled';
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
