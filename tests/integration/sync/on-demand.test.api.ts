import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  backdate,
  contentApi,
  ctx,
  requestSync,
  sentMessage,
  setStatusSilently,
  silenceEmulator,
  statusEventSources,
  syncedMessage,
  syncMessages,
  waitForRun,
} from './helpers';

describe('POST /api/whatsapp/sync-status: on demand, with callbacks lost', () => {
  let restoreEmulator: () => Promise<void>;

  beforeAll(async () => {
    restoreEmulator = await silenceEmulator();
  });

  afterAll(async () => {
    await restoreEmulator();
  });

  it('learns statuses Twilio changed silently, through the rank rule and the event log', async () => {
    const [delivered, read, sent] = await Promise.all([sentMessage(), sentMessage(), sentMessage()]);
    for (const message of [delivered, read, sent]) expect(message.status).toBe('queued');
    await setStatusSilently(delivered.sid, 'delivered');
    await setStatusSilently(read.sid, 'read');
    await setStatusSilently(sent.sid, 'sent');
    // Nothing reached us: without a sync we would never know.
    expect((await syncedMessage(delivered.documentId)).status).toBe('queued');

    const response = await requestSync({ messages: [sent.documentId, delivered.documentId, read.documentId] });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      data: {
        runId: expect.any(String),
        alreadyRunning: false,
        state: 'queued',
        trigger: 'manual',
        scope: { kind: 'messages', messages: [delivered.documentId, read.documentId, sent.documentId].sort() },
        requestedAt: expect.any(String),
      },
      meta: {},
    });

    const run = await waitForRun(response.body.data.runId);
    expect(run).toMatchObject({ state: 'completed', total: 3, checked: 3, changed: 3, errorCount: 0, rateLimited: 0, failureReason: null });
    expect(run.changes).toEqual(
      expect.arrayContaining([
        { messageId: delivered.documentId, from: 'queued', to: 'delivered' },
        { messageId: read.documentId, from: 'queued', to: 'read' },
        { messageId: sent.documentId, from: 'queued', to: 'sent' },
      ])
    );

    const afterDelivered = await syncedMessage(delivered.documentId);
    expect(afterDelivered).toMatchObject({ status: 'delivered', deliveredAt: expect.any(String), readAt: null, lastSyncedAt: expect.any(String) });
    expect(afterDelivered.events.map((event) => [event.status, event.source])).toEqual([
      ['queued', 'send'],
      ['delivered', 'sync'],
    ]);
    // `read` proves sent and delivered too, as a callback would.
    expect(await syncedMessage(read.documentId)).toMatchObject({
      status: 'read',
      sentAt: expect.any(String),
      deliveredAt: expect.any(String),
      readAt: expect.any(String),
    });
    expect((await syncedMessage(sent.documentId)).status).toBe('sent');
    expect(await statusEventSources(delivered.sid)).toEqual([
      { status: 'queued', source: 'send' },
      { status: 'delivered', source: 'sync' },
    ]);
    // Freshly sent messages whose statuses moved are not called stuck yet (callbacks may be late).
    expect(afterDelivered).toMatchObject({ stuckCode: null, stuckReason: null });
  });

  it('checks only what Twilio changed: a second run over the same messages changes nothing', async () => {
    const message = await sentMessage();
    await setStatusSilently(message.sid, 'sent');
    const first = await syncMessages([message.documentId]);
    expect(first).toMatchObject({ state: 'completed', checked: 1, changed: 1 });
    const second = await syncMessages([message.documentId]);
    expect(second).toMatchObject({ state: 'completed', total: 1, checked: 1, changed: 0, changes: [] });
    expect((await syncedMessage(message.documentId)).events.filter((event) => event.status === 'sent')).toHaveLength(1);
  });

  it('never moves a status backwards: a late lower status from Twilio is kept as an event only', async () => {
    const message = await sentMessage();
    await setStatusSilently(message.sid, 'sent');
    await syncMessages([message.documentId]);
    await setStatusSilently(message.sid, 'sending');
    const run = await syncMessages([message.documentId]);
    expect(run).toMatchObject({ checked: 1, changed: 0 });
    const after = await syncedMessage(message.documentId);
    expect(after.status).toBe('sent');
    expect(after.events.map((event) => event.status)).toEqual(['queued', 'sent', 'sending']);
  });

  it('records a failure Twilio reports (63016) and says why in words', async () => {
    const message = await sentMessage();
    await setStatusSilently(message.sid, 'failed', { errorCode: 63016, errorMessage: 'Failed to send freeform message because you are outside the allowed window.' });
    const run = await syncMessages([message.documentId]);
    expect(run).toMatchObject({ checked: 1, changed: 1, stuck: 1 });
    const after = await syncedMessage(message.documentId);
    expect(after).toMatchObject({ status: 'failed', errorCode: 63016, failedAt: expect.any(String), stuckCode: 'WINDOW_CLOSED' });
    expect(after.stuckReason).toMatch(/^Twilio reports error 63016: the 24-hour window was closed/);
    expect(after.errorDescription).toContain('24-hour window is closed');
  });

  it('flags a message whose callbacks never came, showing the StatusCallback URL Twilio is calling', async () => {
    const message = await sentMessage();
    await backdate(message.documentId, 10);
    await setStatusSilently(message.sid, 'delivered');
    const run = await syncMessages([message.documentId]);
    expect(run).toMatchObject({ changed: 1, stuck: 1 });

    const callbackUrl = `${ctx.publicUrl}/api/whatsapp/webhook/status?messageId=${message.documentId}`;
    const after = await syncedMessage(message.documentId);
    expect(after).toMatchObject({ status: 'delivered', stuckCode: 'CALLBACKS_NOT_ARRIVING' });
    expect(after.stuckReason).toContain('Twilio reports "delivered" but this server only knew "queued"');
    expect(after.stuckReason).toContain(`Twilio is calling ${callbackUrl}.`);

    const overview = await contentApi().get('/api/whatsapp/sync-status').expect(200);
    expect(overview.body.data.statusCallbackUrl).toBe(`${ctx.publicUrl}/api/whatsapp/webhook/status`);
    expect(overview.body.data.stuck.byCode.CALLBACKS_NOT_ARRIVING).toBeGreaterThanOrEqual(1);
    expect(overview.body.data.stuck.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: message.documentId, status: 'delivered', stuckCode: 'CALLBACKS_NOT_ARRIVING', stuckReason: after.stuckReason }),
      ])
    );
  });

  it('syncs a campaign’s messages and nothing else', async () => {
    const campaign = await contentApi()
      .post('/api/whatsapp/campaigns')
      .send({ data: { name: uniqueName('campaign') } })
      .expect(201);
    const campaignId = campaign.body.data.documentId as string;
    const [inCampaign, outside] = await Promise.all([sentMessage(), sentMessage()]);
    await withDb((client) =>
      client.query(
        `INSERT INTO plugin_whatsapp_messages_campaign_lnk (message_id, campaign_id)
         SELECT m.id, c.id FROM plugin_whatsapp_messages m, plugin_whatsapp_campaigns c WHERE m.document_id = $1 AND c.document_id = $2`,
        [inCampaign.documentId, campaignId]
      )
    );
    await setStatusSilently(inCampaign.sid, 'delivered');
    await setStatusSilently(outside.sid, 'delivered');

    const response = await requestSync({ campaign: campaignId });
    expect(response.status).toBe(202);
    expect(response.body.data.scope).toEqual({ kind: 'campaign', campaign: campaignId });
    const run = await waitForRun(response.body.data.runId);
    expect(run).toMatchObject({ state: 'completed', total: 1, checked: 1, changed: 1 });
    expect(run.changes).toEqual([{ messageId: inCampaign.documentId, from: 'queued', to: 'delivered' }]);
    expect((await syncedMessage(inCampaign.documentId)).status).toBe('delivered');
    expect((await syncedMessage(outside.documentId)).status).toBe('queued');
  });
});
