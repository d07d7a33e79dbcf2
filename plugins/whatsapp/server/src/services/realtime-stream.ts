import type { Core } from '@strapi/strapi';
import { Client, type Notification } from 'pg';
import { pgConnectionOptions } from '../utils/pg-connection';
import { REALTIME_CHANNEL } from '../constants';

/** Comment lines keep idle streams open through proxies and let the browser notice a dead one. */
export const HEARTBEAT_MS = 20_000;
const RECONNECT_MAX_MS = 30_000;

/** Where an event goes: one open `GET /inbox/stream` response. */
export type StreamSubscriber = { write(chunk: string): void; close(): void };

/** One server-sent event; `data` is one line of JSON. */
export const sseEvent = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Relays the `whatsapp_events` channel (services/realtime.ts) to the admin panel's open streams.
 * One dedicated connection per app instance, whatever the number of browsers: it LISTENs while
 * at least one stream is open, and is given back when the last one closes. A dedicated `pg`
 * client and not Strapi's pool: a LISTEN holds its connection for as long as it lasts.
 */
export const createRealtimeStreamService = ({ strapi }: { strapi: Core.Strapi }) => {
  const subscribers = new Set<StreamSubscriber>();
  let client: Client | null = null;
  let connecting: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = false;

  const broadcast = (chunk: string) => {
    for (const subscriber of subscribers) {
      try {
        subscriber.write(chunk);
      } catch {
        subscribers.delete(subscriber);
      }
    }
  };

  const onNotification = (notification: Notification) => {
    if (notification.channel !== REALTIME_CHANNEL || !notification.payload) return;
    try {
      const event = JSON.parse(notification.payload) as { type?: string };
      broadcast(sseEvent(event.type ?? 'message', event));
    } catch {
      strapi.log.warn('[whatsapp] realtime: ignored a notification that is not JSON');
    }
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
    if (stopped || reconnectTimer || subscribers.size === 0) return;
    failures += 1;
    const delay = Math.min(RECONNECT_MAX_MS, 500 * 2 ** Math.min(failures, 6));
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      void connect().catch(() => undefined);
    }, delay);
    reconnectTimer.unref();
  };

  const connect = (): Promise<void> => {
    if (client) return Promise.resolve();
    if (connecting) return connecting;
    connecting = (async () => {
      const next = new Client({ ...pgConnectionOptions(strapi), application_name: 'strapi-whatsapp-realtime' });
      try {
        await next.connect();
        next.on('notification', onNotification);
        // Lost connection (database restart, network): streams stay open, the LISTEN comes back.
        const lost = (error?: Error) => {
          if (client !== next) return;
          strapi.log.warn(`[whatsapp] realtime: LISTEN connection lost${error ? `: ${error.message}` : ''}`);
          void release().then(scheduleReconnect);
        };
        next.on('error', lost);
        next.on('end', () => lost());
        await next.query(`LISTEN ${REALTIME_CHANNEL}`);
        client = next;
        failures = 0;
        if (stopped || subscribers.size === 0) await release();
      } catch (error) {
        next.on('error', () => undefined);
        await next.end().catch(() => undefined);
        strapi.log.warn(`[whatsapp] realtime: could not LISTEN: ${(error as Error).message}`);
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
     * Adds a stream; resolves once this instance is LISTENing, so an event committed after
     * that reaches it. Returns the function that removes it.
     */
    async subscribe(subscriber: StreamSubscriber): Promise<() => void> {
      if (stopped) throw new Error('The realtime stream has stopped');
      subscribers.add(subscriber);
      startHeartbeat();
      const unsubscribe = () => {
        subscribers.delete(subscriber);
        if (subscribers.size > 0) return;
        if (heartbeat) clearInterval(heartbeat);
        heartbeat = null;
        void release();
      };
      try {
        await connect();
      } catch (error) {
        unsubscribe();
        throw error;
      }
      return unsubscribe;
    },

    subscriberCount: () => subscribers.size,

    /** destroy.ts: closes every stream and the LISTEN connection. */
    async stop() {
      stopped = true;
      if (heartbeat) clearInterval(heartbeat);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      heartbeat = null;
      reconnectTimer = null;
      for (const subscriber of subscribers) subscriber.close();
      subscribers.clear();
      await connecting?.catch(() => undefined);
      await release();
    },
  };
};

export type RealtimeStreamService = ReturnType<typeof createRealtimeStreamService>;
