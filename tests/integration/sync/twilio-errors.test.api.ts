import { withDb } from '../helpers/db';
import {
  deleteAtTwilio,
  injectFetchFailure,
  pendingFetchFailures,
  requestSync,
  sentMessage,
  setStatusSilently,
  silenceEmulator,
  syncedMessage,
  syncMessages,
  waitForRun,
} from './helpers';

describe('status sync: Twilio errors never abort a run or corrupt a message', () => {
  let restoreEmulator: () => Promise<void>;

  beforeAll(async () => {
    restoreEmulator = await silenceEmulator();
  });

  afterAll(async () => {
    await restoreEmulator();
  });

  it('records a message deleted at Twilio (404) and goes on with the others', async () => {
    const [deleted, kept] = await Promise.all([sentMessage(), sentMessage()]);
    await deleteAtTwilio(deleted.sid);
    await setStatusSilently(kept.sid, 'delivered');

    const run = await syncMessages([deleted.documentId, kept.documentId]);
    expect(run).toMatchObject({ state: 'completed', total: 2, checked: 1, changed: 1, errorCount: 1, stuck: 1, failureReason: null });
    expect(run.errors).toEqual([
      {
        messageId: deleted.documentId,
        twilioSid: deleted.sid,
        code: 'NOT_FOUND_AT_TWILIO',
        httpStatus: 404,
        twilioCode: 20404,
        message: expect.any(String),
      },
    ]);
    expect(run.changes).toEqual([{ messageId: kept.documentId, from: 'queued', to: 'delivered' }]);

    const missing = await syncedMessage(deleted.documentId);
    expect(missing).toMatchObject({ status: 'queued', errorCode: null, failedAt: null, stuckCode: 'NOT_FOUND_AT_TWILIO', lastSyncedAt: expect.any(String) });
    expect(missing.stuckReason).toContain('Twilio no longer has this message');
    expect(missing.events.map((event) => event.status)).toEqual(['queued']);
    expect((await syncedMessage(kept.documentId)).status).toBe('delivered');
  });

  it('backs off on 429 and carries on: every message still checked', async () => {
    const [first, second] = await Promise.all([sentMessage(), sentMessage()]);
    await setStatusSilently(first.sid, 'delivered');
    await setStatusSilently(second.sid, 'read');
    await injectFetchFailure({ kind: 'http429', times: 2 });

    const started = Date.now();
    const run = await syncMessages([first.documentId, second.documentId]);
    expect(run).toMatchObject({ state: 'completed', total: 2, checked: 2, changed: 2, errorCount: 0, rateLimited: 2, errors: [] });
    // It waited before trying again (backoff from 0.5 s), rather than hammering Twilio.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await pendingFetchFailures()).toEqual([]);
    expect((await syncedMessage(first.documentId)).status).toBe('delivered');
    expect((await syncedMessage(second.documentId)).status).toBe('read');
  });

  it('records Twilio 5xx that outlast the retries, keeps the messages as they were, and completes', async () => {
    const [first, second] = await Promise.all([sentMessage(), sentMessage()]);
    await setStatusSilently(first.sid, 'delivered');
    await setStatusSilently(second.sid, 'delivered');
    // Three tries per message, two messages: every call fails.
    await injectFetchFailure({ kind: 'http500', times: 6 });

    const run = await syncMessages([first.documentId, second.documentId]);
    expect(run).toMatchObject({ state: 'completed', total: 2, checked: 0, changed: 0, errorCount: 2, failureReason: null });
    expect(run.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ messageId: first.documentId, code: 'TWILIO_UNAVAILABLE', httpStatus: 500, twilioCode: 20500 }),
        expect.objectContaining({ messageId: second.documentId, code: 'TWILIO_UNAVAILABLE', httpStatus: 500, twilioCode: 20500 }),
      ])
    );
    expect(await pendingFetchFailures()).toEqual([]);
    for (const message of [first, second]) {
      expect(await syncedMessage(message.documentId)).toMatchObject({ status: 'queued', stuckCode: null, lastSyncedAt: null });
    }

    // Twilio is back: the next run learns what the failed one could not.
    const retried = await syncMessages([first.documentId, second.documentId]);
    expect(retried).toMatchObject({ checked: 2, changed: 2, errorCount: 0 });
  });

  it('runs one run at a time per scope: requests made together get the same run', async () => {
    const messages = await Promise.all([sentMessage(), sentMessage()]);
    for (const message of messages) await setStatusSilently(message.sid, 'delivered');
    const ids = messages.map((message) => message.documentId);
    // Keeps the run busy (waiting out a 429) while the other requests arrive.
    await injectFetchFailure({ kind: 'http429', times: 2 });

    const responses = await Promise.all([requestSync({ messages: ids }), requestSync({ messages: [...ids].reverse() }), requestSync({ messages: ids })]);
    for (const response of responses) expect(response.status).toBe(202);
    const runIds = new Set(responses.map((response) => response.body.data.runId));
    expect(runIds.size).toBe(1);
    expect(responses.filter((response) => response.body.data.alreadyRunning === false)).toHaveLength(1);
    expect(responses.filter((response) => response.body.data.alreadyRunning === true)).toHaveLength(2);

    const run = await waitForRun([...runIds][0]);
    expect(run).toMatchObject({ state: 'completed', total: 2, checked: 2, changed: 2 });
    // Once it has finished, the same scope can run again.
    const again = await requestSync({ messages: ids });
    expect(again.status).toBe(202);
    expect(again.body.data).toMatchObject({ alreadyRunning: false });
    expect(again.body.data.runId).not.toBe(run.id);
    await waitForRun(again.body.data.runId);
  });

  it('is enforced by the database for every instance: a second active run of a scope cannot be stored', async () => {
    const scopeKey = `test:${Date.now()}`;
    await withDb(async (client) => {
      const insert = (state: string) =>
        client.query(
          `INSERT INTO plugin_whatsapp_sync_runs (document_id, scope_key, scope, trigger, state, created_at, updated_at, published_at)
           VALUES (md5(random()::text), $1, '{"kind":"all"}', 'manual', $2, now(), now(), now())`,
          [scopeKey, state]
        );
      try {
        await insert('running');
        await expect(insert('queued')).rejects.toMatchObject({ code: '23505' });
        // Finished runs of the scope are history, not a conflict.
        await insert('completed');
        await insert('failed');
      } finally {
        await client.query(`DELETE FROM plugin_whatsapp_sync_runs WHERE scope_key = $1`, [scopeKey]);
      }
    });
  });
});
