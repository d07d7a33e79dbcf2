import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import twilio from 'twilio';
import { bootTestApp } from '../setup/boot';
import type { TestContext } from '../setup/context';
import type { Running } from '../setup/running-app';
import { TMP_DIR } from '../setup/paths';
import { startStoppableDatabase, type StoppableDatabase } from '../setup/stoppable-database';
import { openEventStream } from '../helpers/event-stream';
import { uniqueIndianMobile } from '../helpers/data';
import { inboundParams } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const INBOUND_PATH = '/api/whatsapp/webhook';
const OUTAGE_MS = 10_000;
const POST_EVERY_MS = 100;

type Posted = { sid: string; params: Record<string, string>; sentAt: number; status: number | null; body: unknown };

/**
 * PostgreSQL stopped for 10 s while Twilio keeps posting webhooks, on an app and a cluster of
 * this file's own (the shared one serves every other suite).
 */
describe('a 10 s PostgreSQL outage under inbound webhooks', () => {
  const logFile = path.join(TMP_DIR, `test-app-outage-${process.pid}.log`);
  let database: StoppableDatabase;
  let context: TestContext;
  let running: Running;

  beforeAll(async () => {
    database = await startStoppableDatabase();
    ({ context, running } = await bootTestApp({ logFile, database }));
  }, 180_000);

  afterAll(async () => {
    await running?.app.stop();
    await running?.emulator.stop();
    await database?.dispose();
  }, 60_000);

  const post = async (params: Record<string, string>): Promise<{ status: number | null; body: unknown }> => {
    const signature = twilio.getExpectedTwilioSignature(context.twilioAuthToken, `${context.publicUrl}${INBOUND_PATH}`, params);
    try {
      const response = await fetch(`${context.url}${INBOUND_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // TwiML
      }
      return { status: response.status, body };
    } catch {
      return { status: null, body: null };
    }
  };

  const paramsFor = (from: string, body: string) =>
    inboundParams({ From: from, Body: body, AccountSid: context.twilioAccountSid, To: `whatsapp:${context.whatsappNumber}` });

  /** What the database holds of these SIDs: message document id, and whether it has its conversation and candidate. */
  const stored = async (sids: string[]) => {
    const client = new Client({ connectionString: context.databaseUrl });
    await client.connect();
    try {
      const result = await client.query(
        `SELECT m.twilio_sid, m.document_id,
                EXISTS (SELECT 1 FROM plugin_whatsapp_messages_conversation_lnk l WHERE l.message_id = m.id) AS has_conversation,
                EXISTS (SELECT 1 FROM plugin_whatsapp_messages_candidate_lnk l WHERE l.message_id = m.id) AS has_candidate
           FROM plugin_whatsapp_messages m WHERE m.twilio_sid = ANY($1)`,
        [sids]
      );
      return new Map(result.rows.map((row) => [row.twilio_sid as string, row as { document_id: string; has_conversation: boolean; has_candidate: boolean }]));
    } finally {
      await client.end();
    }
  };

  it('stores every webhook it acknowledged, recovers by itself, brings an open inbox every message, and logs the outage in a few lines', async () => {
    const stream = await openEventStream(context.url, context.adminJwt);
    expect(stream.status).toBe(200);
    expect(await stream.waitFor((event) => event.event === 'ready', 10_000)).not.toBeNull();

    const phones = Array.from({ length: 6 }, () => uniqueIndianMobile());
    const posted: Posted[] = [];
    const answers: Promise<void>[] = [];
    let posting = true;
    const poster = (async () => {
      for (let index = 0; posting; index += 1) {
        const params = paramsFor(phones[index % phones.length] as string, `outage test ${index}`);
        const entry: Posted = { sid: params.MessageSid, params, sentAt: Date.now(), status: null, body: null };
        posted.push(entry);
        answers.push(post(params).then((answer) => Object.assign(entry, answer)).then(() => undefined));
        await sleep(POST_EVERY_MS);
      }
    })();

    await sleep(3_000);
    const logBefore = fs.statSync(logFile).size;
    const stoppedAt = Date.now();
    await database.stop();
    await sleep(OUTAGE_MS);
    await database.start();
    // The driver answers once PostgreSQL accepts connections.
    const backAt = Date.now();
    // Webhooks go on for a while after PostgreSQL is back.
    await sleep(8_000);
    posting = false;
    await poster;
    await Promise.all(answers);

    const failed = posted.filter((entry) => entry.status !== 200);
    // The outage did reach the webhooks, and each one it failed was answered 503 (Twilio retries
    // that), in Strapi's error shape; none went unanswered or got a 500.
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((entry) => entry.status !== 503).map((entry) => entry.status)).toEqual([]);
    expect(failed[0]?.body).toEqual({
      data: null,
      error: expect.objectContaining({ status: 503, name: 'ServiceUnavailableError', message: expect.any(String) }),
    });
    expect(failed.every((entry) => entry.sentAt >= stoppedAt - 1_000)).toBe(true);
    // It recovered by itself: everything posted from 3 s after PostgreSQL came back went through.
    const afterwards = posted.filter((entry) => entry.sentAt >= backAt + 3_000);
    expect(afterwards.length).toBeGreaterThan(20);
    expect(afterwards.filter((entry) => entry.status !== 200)).toEqual([]);

    // Every webhook answered 200 is stored, whole (with its conversation and candidate).
    const acknowledged = posted.filter((entry) => entry.status === 200);
    const rows = await stored(acknowledged.map((entry) => entry.sid));
    expect(acknowledged.filter((entry) => !rows.has(entry.sid)).map((entry) => entry.sid)).toEqual([]);
    const all = await stored(posted.map((entry) => entry.sid));
    expect([...all.values()].filter((row) => !row.has_conversation || !row.has_candidate)).toEqual([]);

    // The stream opened before the outage has every acknowledged message, with no reload: those
    // of the gap replayed once the LISTEN was back, and those after it live.
    const wanted = [...rows.values()].map((row) => row.document_id);
    const missing = async () => {
      const seen = stream.createdIds();
      return wanted.filter((id) => !seen.has(id));
    };
    const deadline = Date.now() + 5_000;
    while ((await missing()).length > 0 && Date.now() < deadline) await sleep(100);
    expect(await missing()).toEqual([]);

    // The LISTEN came back soon after PostgreSQL did: of the webhooks posted after its return
    // (10 a second), few were stored before the stream's `resync` (the end of its replay); the
    // rest reached it live. A reconnect backoff of several seconds fails this.
    const resyncAt = stream.events.findIndex((event) => event.event === 'resync');
    expect(resyncAt).toBeGreaterThan(-1);
    const replayed = new Set(
      stream.events
        .slice(0, resyncAt)
        .filter((event) => event.event === 'message.created')
        .map((event) => (JSON.parse(event.data) as { messageId: string }).messageId)
    );
    const postedAfterReturn = acknowledged.filter((entry) => entry.sentAt >= backAt);
    const beforeResync = postedAfterReturn.filter((entry) => replayed.has(rows.get(entry.sid)!.document_id));
    process.stdout.write(`[outage] of ${postedAfterReturn.length} webhooks acknowledged after PostgreSQL's return, ${beforeResync.length} were stored before the stream's resync\n`);
    expect(beforeResync.length).toBeLessThanOrEqual(30);

    // Twilio retries what was refused: each is stored and reaches the stream.
    for (const entry of failed) expect((await post(entry.params)).status).toBe(200);
    const retried = await stored(failed.map((entry) => entry.sid));
    expect(retried.size).toBe(failed.length);
    const retriedIds = [...retried.values()].map((row) => row.document_id);
    expect(await stream.waitFor(() => retriedIds.every((id) => stream.createdIds().has(id)), 5_000)).not.toBeNull();
    stream.close();

    // The log: a line when the database went, one when it came back (and one from the live
    // stream), not one per failed request. Strapi's access log (a line per request) aside.
    const accessLine = /http(\x1b\[\d+m)?: [A-Z]+ \//;
    const outageLog = fs
      .readFileSync(logFile)
      .subarray(logBefore)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() && !accessLine.test(line));
    process.stdout.write(`[outage] ${failed.length} webhooks refused; the app logged ${outageLog.length} lines:\n${outageLog.join('\n')}\n`);
    expect(outageLog.length).toBeLessThanOrEqual(6);
    expect(outageLog.filter((line) => /^\s+at /.test(line))).toEqual([]);
    expect(outageLog.filter((line) => line.includes('[whatsapp] database unreachable'))).toHaveLength(1);
    const back = outageLog.filter((line) => line.includes('[whatsapp] database back after'));
    expect(back).toHaveLength(1);
    // Every refused webhook is counted in the line that closes the outage.
    expect(back[0]).toMatch(new RegExp(`\\b${failed.length} requests\\b`));
  }, 120_000);
});
