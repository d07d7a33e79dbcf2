import type { Core } from '@strapi/strapi';
import { applyStatusEvents } from '../domain/status-rank';
import {
  createMessageStatusRepository,
  type RecordedStatus,
  type StatusEventInput,
} from '../repositories/message-status';
import { inTransaction } from '../repositories/query-runner';

export type StatusReport = Omit<StatusEventInput, 'at' | 'payload' | 'messageDocumentId'> & {
  messageDocumentId?: string | null;
  payload?: unknown;
  at?: Date;
};

export const createMessageStatusService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The one way a status reaches a message (Twilio callbacks, the send, the status sync):
   * recorded once per (MessageSid, status), appended to the message's events, and applied
   * only if it ranks above the current status (domain/status-rank.ts). A status for a message
   * we cannot match yet is kept and applied by applyPendingEvents().
   */
  async record(report: StatusReport): Promise<RecordedStatus> {
    const repository = createMessageStatusRepository(strapi);
    const recorded = await repository.record({
      ...report,
      messageDocumentId: report.messageDocumentId ?? null,
      payload: report.payload ?? null,
      at: report.at ?? new Date(),
    });
    if (recorded.stored && !recorded.messageId) {
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
      const repository = createMessageStatusRepository(strapi, trx);
      const message = await repository.lockMessage(messageDocumentId);
      if (!message) return { applied: 0, status: null };
      const events = await repository.listPendingEvents(message);
      if (events.length === 0) return { applied: 0, status: message.state.status };
      const state = applyStatusEvents(message.state, events);
      await repository.savePendingApplied(message, state, events, new Date());
      return { applied: events.length, status: state.status };
    });
  },
});

export type MessageStatusService = ReturnType<typeof createMessageStatusService>;
