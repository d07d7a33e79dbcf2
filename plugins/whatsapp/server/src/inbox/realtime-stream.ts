import type { Core } from '@strapi/strapi';
import { Client, type Notification } from 'pg';
import { pgConnectionOptions } from '../database/pg-connection';
import { getService } from '../utils/get-service';
import { createMessageReplayRepository } from './message-replay-sql';
import { REALTIME_CHANNEL, REALTIME_STREAM } from '../constants';

/** Comment lines keep idle streams open through proxies and let the browser notice a dead one. */
export const HEARTBEAT_MS = 20_000;

/** Where an event goes: one open `GET /inbox/stream` response. */
export type StreamSubscriber = { write(chunk: string): void; close(): void };

/**
 * One server-sent event; `data` is one line of JSON. `id` is the stream's cursor (a message id):
 * a browser sends back the last one it saw as `Last-Event-ID` when it reconnects.
 */
export const sseEvent = (event: string, data: unknown, id?: number) =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Per stream: the highest message id it was sent, and where to replay from after a lost LISTEN. */
type StreamState = { cursor: number; replayFrom: number | null };

/**
 * Relays the `whatsapp_events` channel (inbox/realtime.ts) to the admin panel's open streams.
 * One dedicated connection per app instance, whatever the number of browsers: it LISTENs while
 * at least one stream is open, and is given back when the last one closes. A dedicated `pg`
 * client and not Strapi's pool: a LISTEN holds its connection for as long as it lasts.
 *
 * Nothing is missed: a NOTIFY sent while the LISTEN was down is lost, so once it is back (tried
 * every REALTIME_STREAM.reconnectMs) each stream is replayed, from the database, the messages
 * after its cursor, then told `resync` (refetch what you show: statuses changed meanwhile too).
 */
export const createRealtimeStreamService = ({ strapi }: { strapi: Core.Strapi }) => {
  const streams = new Map<StreamSubscriber, StreamState>();
  const replay = () => createMessageReplayRepository(strapi);
  let client: Client | null = null;
  let connecting: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let outage: { since: number; attempts: number; cause: string } | null = null;
  let stopped = false;

  const write = (subscriber: StreamSubscriber, chunk: string) => {
    try {
      subscriber.write(chunk);
    } catch {
      streams.delete(subscriber);
    }
  };

  const broadcast = (chunk: string, seq?: number) => {
    for (const [subscriber, state] of streams) {
      if (seq !== undefined) state.cursor = Math.max(state.cursor, seq);
      write(subscriber, chunk);
    }
  };

  const onNotification = (notification: Notification) => {
    if (notification.channel !== REALTIME_CHANNEL || !notification.payload) return;
    try {
      const event = JSON.parse(notification.payload) as { type?: string; seq?: unknown };
      const seq = typeof event.seq === 'number' ? event.seq : undefined;
      broadcast(sseEvent(event.type ?? 'message', event, seq), seq);
    } catch {
      strapi.log.warn('[whatsapp] realtime: ignored a notification that is not JSON');
    }
  };

  /** Logs a failure of the LISTEN connection unless it is part of a database outage, reported once elsewhere. */
  const report = (error: unknown, what: string) =>
    void getService(strapi, 'database-faults')
      .absorb(error, 'LISTEN connections')
      .then((absorbed) => {
        if (!absorbed) strapi.log.warn(`[whatsapp] realtime: ${what}: ${(error as Error)?.message ?? error}`);
      });

  /**
   * Sends one stream the messages after `from` (less an overlap for ids committed out of order).
   * One too far behind only has its cursor moved to the newest id: the `resync` or `ready` that
   * follows makes the client refetch everything.
   */
  const replayTo = async (subscriber: StreamSubscriber, from: number) => {
    const rows = await replay().createdAfter(Math.max(0, from - REALTIME_STREAM.replayOverlap), REALTIME_STREAM.replayLimit + 1);
    const state = streams.get(subscriber);
    if (!state) return 0;
    if (rows.length > REALTIME_STREAM.replayLimit) {
      state.cursor = Math.max(state.cursor, await replay().latestSeq());
      return 0;
    }
    for (const row of rows) {
      state.cursor = Math.max(state.cursor, row.seq);
      write(subscriber, sseEvent('message.created', { type: 'message.created', ...row }, row.seq));
    }
    return rows.length;
  };

  /** After a lost LISTEN: every stream that was open gets what it missed, then `resync`. One log line says it all. */
  const resume = async (ended: { since: number; attempts: number; cause: string }) => {
    let replayed = 0;
    let failed = 0;
    for (const [subscriber, state] of [...streams]) {
      if (state.replayFrom === null) continue;
      const from = state.replayFrom;
      state.replayFrom = null;
      try {
        replayed += await replayTo(subscriber, from);
      } catch (error) {
        failed += 1;
        report(error, 'replay after reconnecting failed (the stream is told to resync)');
      }
      if (streams.has(subscriber)) write(subscriber, sseEvent('resync', { type: 'resync', cursor: state.cursor }, state.cursor));
    }
    const seconds = ((Date.now() - ended.since) / 1000).toFixed(1);
    strapi.log.info(
      `[whatsapp] realtime: LISTEN connection lost (${ended.cause}), back after ${seconds} s (${ended.attempts} attempts); ${replayed} messages replayed to ${streams.size - failed} streams`
    );
  };

  const release = async () => {
    const current = client;
    client = null;
    if (!current) return;
    current.removeAllListeners('notification');
    current.removeAllListeners('error');
    current.removeAllListeners('end');
    // A broken connection may never answer `end`; nothing waits on it.
    current.on('error', () => undefined);
    await current.end().catch(() => undefined);
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer || streams.size === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (streams.size > 0) void connect().catch(() => undefined);
    }, REALTIME_STREAM.reconnectMs);
    reconnectTimer.unref();
  };

  const connect = (): Promise<void> => {
    if (client) return Promise.resolve();
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new Client({ ...pgConnectionOptions(strapi), application_name: 'strapi-whatsapp-realtime', keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
      try {
        if (outage) outage.attempts += 1;
        await next.connect();
        next.on('notification', onNotification);
        // Lost connection (database restart, network): streams stay open, the LISTEN comes back.
        const lost = (error?: Error) => {
          if (client !== next) return;
          if (!outage) {
            // Logged when it is back, or when the first attempt to get it back fails.
            outage = { since: Date.now(), attempts: 0, cause: error?.message ?? 'connection ended' };
            for (const state of streams.values()) state.replayFrom ??= state.cursor;
          }
          void release().then(scheduleReconnect);
        };
        next.on('error', lost);
        next.on('end', () => lost());
        await next.query(`LISTEN ${REALTIME_CHANNEL}`);
        client = next;
        if (stopped || streams.size === 0) {
          await release();
          return;
        }
        const ended = outage;
        outage = null;
        if (ended) void resume(ended);
      } catch (error) {
        next.on('error', () => undefined);
        await next.end().catch(() => undefined);
        if (!outage) report(error, 'could not LISTEN');
        else if (outage.attempts === 1) {
          report(error, `LISTEN connection lost (${outage.cause}) and not back yet; trying again every ${REALTIME_STREAM.reconnectMs / 1000} s`);
        }
        scheduleReconnect();
        throw error;
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  };

  const startHeartbeat = () => {
    if (heartbeat) return;
    heartbeat = setInterval(() => broadcast(`: heartbeat ${new Date().toISOString()}\n\n`), HEARTBEAT_MS);
    heartbeat.unref();
  };

  return {
    /**
     * Adds a stream once this instance is LISTENing (so an event committed after that reaches
     * it), replays the messages after `since` when given, and says `ready` with the stream's
     * cursor. Returns the function that removes it.
     */
    async subscribe(subscriber: StreamSubscriber, since?: number): Promise<() => void> {
      if (stopped) throw new Error('The realtime stream has stopped');
      const state: StreamState = { cursor: since ?? 0, replayFrom: null };
      streams.set(subscriber, state);
      startHeartbeat();
      const unsubscribe = () => {
        streams.delete(subscriber);
        if (streams.size > 0) return;
        if (heartbeat) clearInterval(heartbeat);
        if (reconnectTimer) clearTimeout(reconnectTimer);
        heartbeat = null;
        reconnectTimer = null;
        // No stream is waiting for a replay any more.
        outage = null;
        void release();
      };
      try {
        await connect();
        if (since === undefined) state.cursor = Math.max(state.cursor, await replay().latestSeq());
        else await replayTo(subscriber, since);
      } catch (error) {
        unsubscribe();
        throw error;
      }
      write(subscriber, sseEvent('ready', { type: 'ready', cursor: state.cursor, at: new Date().toISOString() }, state.cursor));
      return unsubscribe;
    },

    subscriberCount: () => streams.size,

    /** destroy.ts: closes every stream and the LISTEN connection. */
    async stop() {
      stopped = true;
      if (heartbeat) clearInterval(heartbeat);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      heartbeat = null;
      reconnectTimer = null;
      for (const subscriber of streams.keys()) subscriber.close();
      streams.clear();
      await connecting?.catch(() => undefined);
      await release();
    },
  };
};

export type RealtimeStreamService = ReturnType<typeof createRealtimeStreamService>;
