import { apiAt } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { startIsolatedApp, type IsolatedApp } from '../setup/isolated-app';
import { FORM, INBOUND_PATH, inboundParams, signatureFor } from '../webhook/support';
import { setStatusSilently, silenceEmulator, type RunView } from './helpers';

/**
 * A run with no scope checks every message awaiting a final status. On the run's shared
 * database that is whatever the suites before left behind (thousands, paced), so this runs on
 * an app of its own: "everything" is then exactly the messages made here, and the run's totals
 * can be asserted exactly.
 */
describe('POST /api/whatsapp/sync-status with no scope (an app on its own database)', () => {
  let app: IsolatedApp;
  let restoreEmulator: () => Promise<void>;
  const content = () => apiAt(app.url, app.fullAccessToken);

  /** The candidate writes to us first (a signed webhook), which opens the reply window. */
  const receiveFrom = async (phone: string) => {
    const params = inboundParams({ From: phone, Body: 'Hello', ProfileName: 'Asha' });
    const response = await fetch(`${app.url}${INBOUND_PATH}`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-twilio-signature': signatureFor(INBOUND_PATH, params, `${app.url}${INBOUND_PATH}`) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
  };

  /** A reply sent through POST /messages and handed to Twilio (it has a SID). */
  const sentReply = async (phone: string) => {
    await receiveFrom(phone);
    const created = await content().post('/api/whatsapp/messages').send({ data: { to: phone, body: 'Your interview is at 10:00.' } });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const message = (await content().get(`/api/whatsapp/messages/${documentId}`).expect(200)).body.data;
      if (message.twilioSid) return { documentId, sid: message.twilioSid as string, status: message.status as string };
      if (Date.now() > deadline) throw new Error(`message ${documentId} was never handed to Twilio: ${JSON.stringify(message)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const waitForRun = async (runId: string): Promise<RunView> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = (await content().get(`/api/whatsapp/sync-status/${runId}`).expect(200)).body.data as RunView;
      if (run.state !== 'queued' && run.state !== 'running') return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} did not finish: ${JSON.stringify(run)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    restoreEmulator = await silenceEmulator();
    app = await startIsolatedApp('whatsapp_sync_all');
  }, 150_000);

  afterAll(async () => {
    await app?.stop();
    await restoreEmulator?.();
  });

  it('checks every message awaiting a final status, none of them named in the request', async () => {
    const [read, delivered] = [await sentReply(uniqueIndianMobile()), await sentReply(uniqueIndianMobile())];
    expect([read.status, delivered.status]).toEqual(['queued', 'queued']);
    await setStatusSilently(read.sid, 'read');
    await setStatusSilently(delivered.sid, 'delivered');

    const response = await content().post('/api/whatsapp/sync-status');
    expect(response.status).toBe(202);
    expect(response.body.data).toMatchObject({ scope: { kind: 'all' }, trigger: 'manual', alreadyRunning: false });

    const run = await waitForRun(response.body.data.runId as string);
    // Exactly the two outbound messages: the inbound ones have no status to learn.
    expect(run).toMatchObject({ state: 'completed', total: 2, checked: 2, changed: 2, errorCount: 0, failureReason: null });
    expect(run.changes).toEqual(
      expect.arrayContaining([
        { messageId: read.documentId, from: 'queued', to: 'read' },
        { messageId: delivered.documentId, from: 'queued', to: 'delivered' },
      ])
    );
    expect((await content().get(`/api/whatsapp/messages/${read.documentId}`).expect(200)).body.data.status).toBe('read');
    expect((await content().get(`/api/whatsapp/messages/${delivered.documentId}`).expect(200)).body.data.status).toBe('delivered');
  });
});
