import type { Core } from '@strapi/strapi';
import { REALTIME_CHANNEL } from '../constants';
import { queryRunner } from '../database/query-runner';

/**
 * What the plugin announces on the `whatsapp_events` channel (Postgres NOTIFY, so every app
 * instance hears it; the live inbox relays it to browsers). Ids only: payloads are visible to
 * any database session and limited to 8000 bytes, so no text and no phone numbers.
 *
 * The webhook repositories emit these from inside their own statements, where Postgres
 * delivers a NOTIFY only once the transaction commits.
 */
export type RealtimeEvent =
  | {
      type: 'message.created';
      direction: 'inbound' | 'outbound';
      messageId: string;
      /** The message's numeric id: the live inbox's cursor (SSE `id:`), from which a stream that missed events is replayed. */
      seq: number;
      conversationId: string | null;
      candidateId: string | null;
    }
  | { type: 'message.status'; messageId: string; status: string; conversationId: string | null };

export const createRealtimeService = ({ strapi }: { strapi: Core.Strapi }) => ({
  channel: REALTIME_CHANNEL,

  /** Announces an event; inside a transaction, it is delivered when that transaction commits. */
  async notify(event: RealtimeEvent): Promise<void> {
    const db = await queryRunner(strapi);
    await db.raw('SELECT pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(event)]);
  },
});

export type RealtimeService = ReturnType<typeof createRealtimeService>;
