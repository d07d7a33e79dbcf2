import fs from 'node:fs';
import { useExtraApp } from '../campaigns/helpers';
import { ctx, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { openEventStream, type OpenStream } from '../helpers/event-stream';
import { FORM, INBOUND_PATH, inboundParams, postSigned, signatureFor } from '../webhook/support';

const messageOf = (sid: string) =>
  withDb(async (client) => {
    const result = await client.query('SELECT id, document_id FROM plugin_whatsapp_messages WHERE twilio_sid = $1', [sid]);
    return { seq: Number(result.rows[0]?.id), documentId: result.rows[0]?.document_id as string };
  });

const receive = async (body: string) => {
  const params = inboundParams({ From: uniqueIndianMobile(), Body: body });
  expect((await postSigned(INBOUND_PATH, params)).status).toBe(200);
  return messageOf(params.MessageSid as string);
};

const created = (stream: OpenStream, documentId: string, within = 5_000) =>
  stream.waitFor((event) => event.event === 'message.created' && (JSON.parse(event.data) as { messageId: string }).messageId === documentId, within);

describe('admin inbox stream: cursors', () => {
  const streams: OpenStream[] = [];
  afterAll(() => streams.forEach((stream) => stream.close()));

  const open = async (options: Parameters<typeof openEventStream>[2] = {}) => {
    const stream = await openEventStream(ctx.url, ctx.adminJwt, options);
    streams.push(stream);
    return stream;
  };

  it('gives each message event its message id as SSE id, and `ready` the cursor to resume from', async () => {
    const stream = await open();
    const ready = await stream.waitFor((event) => event.event === 'ready', 5_000);
    expect(ready?.id).toMatch(/^\d+$/);
    const message = await receive('cursor');
    const event = await created(stream, message.documentId);
    expect(event?.id).toBe(String(message.seq));
    expect(JSON.parse(event!.data)).toMatchObject({ type: 'message.created', seq: message.seq, messageId: message.documentId });
    expect(message.seq).toBeGreaterThan(Number(ready!.id));
  });

  it('replays, to a stream reopened with Last-Event-ID (or ?since=), the messages that came while it was closed', async () => {
    const first = await open();
    const ready = await first.waitFor((event) => event.event === 'ready', 5_000);
    first.close();
    const missed = [await receive('while closed 1'), await receive('while closed 2'), await receive('while closed 3')];

    for (const options of [{ headers: { 'Last-Event-ID': ready!.id as string } }, { query: `?since=${ready!.id}` }]) {
      const reopened = await open(options);
      expect(reopened.status).toBe(200);
      expect(await reopened.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
      for (const message of missed) expect((await created(reopened, message.documentId, 1_000))?.id).toBe(String(message.seq));
      // Replayed before `ready`, in id order.
      const order = reopened.events.map((event) => event.event);
      expect(order.lastIndexOf('message.created')).toBeLessThan(order.indexOf('ready'));
      reopened.close();
    }

    // Without a cursor the stream starts from now: none of them.
    const fresh = await open();
    expect(await fresh.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
    expect(missed.filter((message) => fresh.createdIds().has(message.documentId))).toEqual([]);
  });

  it('refuses a cursor that is not a message id with a 400 in Strapi error shape', async () => {
    for (const options of [{ headers: { 'Last-Event-ID': 'abc' } }, { query: '?since=-1' }]) {
      const response = await fetch(`${ctx.url}/whatsapp/inbox/stream${options.query ?? ''}`, {
        headers: { Authorization: `Bearer ${ctx.adminJwt}`, ...options.headers },
      });
      expect(response.status).toBe(400);
      expectStrapiError(await response.json(), 400, 'ValidationError');
    }
  });
});

describe('admin inbox stream: a lost LISTEN connection', () => {
  it('replays to an open stream the messages of the gap, then resync, and logs the cut without calling it an outage', async () => {
    const stream = await openEventStream(ctx.url, ctx.adminJwt);
    try {
      expect(await stream.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
      const logBefore = fs.statSync(ctx.logFile).size;
      const cut = await withDb((client) =>
        client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'strapi-whatsapp-realtime' AND datname = current_database()`
        )
      );
      expect(cut.rowCount).toBeGreaterThan(0);
      // Right away, so some of them are likely stored while this instance is not listening.
      const messages = await Promise.all([receive('gap 1'), receive('gap 2'), receive('gap 3')]);
      for (const message of messages) expect((await created(stream, message.documentId))?.id).toBe(String(message.seq));
      expect(await stream.waitFor((event) => event.event === 'resync', 5_000)).not.toBeNull();

      const log = fs.readFileSync(ctx.logFile).subarray(logBefore).toString('utf8');
      // One line, once it is back.
      expect(log.match(/\[whatsapp\] realtime: LISTEN connection lost \(.+\), back after [\d.]+ s/g)).toHaveLength(1);
      expect(log).not.toContain('not back yet');
      // The database answered all along: one connection cut is not an outage.
      expect(log).not.toContain('[whatsapp] database unreachable');
    } finally {
      stream.close();
    }
  });
});

describe('admin inbox stream: two app instances', () => {
  const other = useExtraApp({ sender: '+15005550071', mps: 10 });

  it('a stream on one instance receives a message whose webhook reached the other', async () => {
    const stream = await openEventStream(ctx.url, ctx.adminJwt);
    try {
      expect(await stream.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
      // Twilio signs the URL it posts to: the other instance's public URL.
      const params = inboundParams({ From: uniqueIndianMobile(), Body: 'to the other instance' });
      const response = await fetch(`${other.current.url}${INBOUND_PATH}`, {
        method: 'POST',
        headers: { 'content-type': FORM, 'x-twilio-signature': signatureFor(INBOUND_PATH, params, `${other.current.url}${INBOUND_PATH}`) },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
      const message = await messageOf(params.MessageSid as string);
      expect((await created(stream, message.documentId))?.id).toBe(String(message.seq));
    } finally {
      stream.close();
    }
  });
});
