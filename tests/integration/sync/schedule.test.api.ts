import { withDb } from '../helpers/db';
import {
  backdate,
  contentApi,
  sentMessage,
  setStatusSilently,
  silenceEmulator,
  statusEventSources,
  syncedMessage,
  syncMessages,
  type RunView,
} from './helpers';

/**
 * The test app runs the schedule every minute (WHATSAPP_STATUS_SYNC_INTERVAL=1) for messages
 * older than an hour (WHATSAPP_STATUS_SYNC_MIN_AGE=60): only messages this file backdates.
 * pg-boss fires a cron schedule at most once a minute (and notices a due one within 30 s), so
 * this waits for a tick, up to two minutes.
 */
const SCHEDULE_WAIT_MS = 150_000;

const overview = async () => (await contentApi().get('/api/whatsapp/sync-status').expect(200)).body.data;

/** A finished scheduled run requested at or after `since` that `includes` accepts. */
const waitForScheduledRun = async (since: Date, includes: (run: RunView) => boolean): Promise<RunView> => {
  const deadline = Date.now() + SCHEDULE_WAIT_MS - 10_000;
  for (;;) {
    const runs = (await overview()).runs as RunView[];
    const run = runs.find(
      (candidate) =>
        candidate.trigger === 'schedule' && new Date(candidate.requestedAt) >= since && candidate.state === 'completed' && includes(candidate)
    );
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`no scheduled run since ${since.toISOString()}: ${JSON.stringify(runs.slice(0, 3))}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

describe('status sync: the schedule', () => {
  let restoreEmulator: () => Promise<void>;
  const ours: string[] = [];

  beforeAll(async () => {
    restoreEmulator = await silenceEmulator();
  });

  afterAll(async () => {
    // Leave nothing the schedule would keep checking for the rest of the run.
    await withDb((client) => client.query(`UPDATE plugin_whatsapp_messages SET created_at = now() WHERE document_id = ANY($1)`, [ours]));
    await restoreEmulator();
  });

  it(
    'fires on its own and picks up statuses changed silently at Twilio for messages past the minimum age, and only those',
    async () => {
      const [oldDelivered, oldSent, young] = await Promise.all([sentMessage(), sentMessage(), sentMessage()]);
      ours.push(oldDelivered.documentId, oldSent.documentId, young.documentId);
      await backdate(oldDelivered.documentId, 90);
      await backdate(oldSent.documentId, 120);
      await setStatusSilently(oldDelivered.sid, 'delivered');
      await setStatusSilently(oldSent.sid, 'sent');
      await setStatusSilently(young.sid, 'delivered');

      const before = await overview();
      expect(before.schedule).toMatchObject({ enabled: true, intervalMinutes: 1, minAgeMinutes: 60 });
      expect(before.awaitingCheck).toBeGreaterThanOrEqual(2);

      // Only a run of the schedule can have made this change: nothing else asked about it.
      const run = await waitForScheduledRun(new Date(0), (candidate) =>
        candidate.changes.some((change) => change.messageId === oldDelivered.documentId)
      );
      expect(run).toMatchObject({ trigger: 'schedule', scope: { kind: 'all' }, errorCount: 0, failureReason: null });
      expect(run.changes).toEqual(
        expect.arrayContaining([
          { messageId: oldDelivered.documentId, from: 'queued', to: 'delivered' },
          { messageId: oldSent.documentId, from: 'queued', to: 'sent' },
        ])
      );
      expect(run.changes.map((change) => change.messageId)).not.toContain(young.documentId);

      expect((await syncedMessage(oldDelivered.documentId)).status).toBe('delivered');
      expect(await statusEventSources(oldDelivered.sid)).toEqual([
        { status: 'queued', source: 'send' },
        { status: 'delivered', source: 'sync' },
      ]);
      // Twilio was ahead of us for two hours and no callback ever came: that is the likely cause.
      const flagged = await syncedMessage(oldSent.documentId);
      expect(flagged).toMatchObject({ status: 'sent', stuckCode: 'CALLBACKS_NOT_ARRIVING' });
      expect(flagged.stuckReason).toContain('Twilio is calling');
      // Too young for the schedule: its callbacks may still be on their way.
      expect(await syncedMessage(young.documentId)).toMatchObject({ status: 'queued', lastSyncedAt: null });

      // Checked again, the message is still at `sent` two hours on: not delivered yet.
      const again = await syncMessages([oldSent.documentId]);
      expect(again).toMatchObject({ checked: 1, changed: 0, stuck: 1 });
      const stillSent = await syncedMessage(oldSent.documentId);
      expect(stillSent).toMatchObject({ status: 'sent', stuckCode: 'NOT_DELIVERED_YET' });
      expect(stillSent.stuckReason).toContain('has not delivered it to the phone');

      const after = await overview();
      expect(after.stuck.messages).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: oldSent.documentId, stuckCode: 'NOT_DELIVERED_YET' })])
      );
    },
    SCHEDULE_WAIT_MS + 30_000
  );
});
