import type { Core } from '@strapi/strapi';
import { STATUS_BATCH } from '../constants';
import { applyStatusEvents } from '../domain/status-rank';
import {
  createMessageStatusRepository,
  type RecordedStatus,
  type StatusEventInput,
} from './message-status-sql';
import { inTransaction } from '../database/query-runner';
import { createBatcher } from '../utils/batcher';
import { runTogether, type TogetherOutcome } from '../utils/run-together';

export type StatusReport = Omit<StatusEventInput, 'at' | 'payload' | 'messageDocumentId'> & {
  messageDocumentId?: string | null;
  payload?: unknown;
  at?: Date;
};

type Outcome = TogetherOutcome<RecordedStatus>;

export const createMessageStatusService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createMessageStatusRepository(strapi);

  const recordTogether = (events: StatusEventInput[]): Promise<Outcome[]> =>
    runTogether(
      events,
      (group) => repository().recordMany(group),
      (count) => strapi.log.error(`[whatsapp] recording ${count} status events together failed; recording them one by one`)
    );

  // Reports that arrive together are recorded together: a statement per wave, one commit each.
  const batcher = createBatcher<StatusEventInput, Outcome>({ ...STATUS_BATCH, run: recordTogether });

  return {
    /**
     * The one way a status reaches a message (Twilio callbacks, the send, the status sync):
     * recorded once per (MessageSid, status), appended to the message's events, and applied
     * only if it ranks above the current status (domain/status-rank.ts). A status for a message
     * we cannot match yet is kept and applied by applyPendingEvents(). Inside a transaction it
     * is recorded there; otherwise with whatever other reports are arriving at the same time.
     */
    async record(report: StatusReport): Promise<RecordedStatus> {
      const event: StatusEventInput = {
        ...report,
        messageDocumentId: report.messageDocumentId ?? null,
        payload: report.payload ?? null,
        at: report.at ?? new Date(),
      };
      let recorded: RecordedStatus;
      if (strapi.db.inTransaction()) {
        recorded = await repository().record(event);
      } else {
        const outcome = await batcher.submit(event);
        if ('failed' in outcome) throw outcome.failed;
        recorded = outcome;
      }
      if (recorded.stored && !recorded.matched) {
        strapi.log.debug(`[whatsapp] status "${report.status}" for ${report.messageSid} kept until its message is known`);
      }
      return recorded;
    },

    /**
     * Applies the statuses that arrived before their message could be matched. The send calls
     * this once it has stored the SID Twilio gave the message; it is safe to call any time.
     */
    async applyPendingEvents(messageDocumentId: string): Promise<{ applied: number; status: string | null }> {
      return inTransaction(strapi, async (trx) => {
        const statusRepository = createMessageStatusRepository(strapi, trx);
        const message = await statusRepository.lockMessage(messageDocumentId);
        if (!message) return { applied: 0, status: null };
        const events = await statusRepository.listPendingEvents(message);
        if (events.length === 0) return { applied: 0, status: message.state.status };
        const state = applyStatusEvents(message.state, events);
        await statusRepository.savePendingApplied(message, state, events, new Date());
        return { applied: events.length, status: state.status };
      });
    },
  };
};

export type MessageStatusService = ReturnType<typeof createMessageStatusService>;
