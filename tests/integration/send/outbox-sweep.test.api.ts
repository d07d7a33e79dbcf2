import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  createCandidate,
  ctx,
  emulatorMessagesTo,
  getMessage,
  handedToTwilio,
  injectFailure,
  outboxRow,
  sendJobsOf,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

/** A pending outbound row as a crash would leave it: committed, with no job to send it. */
const insertOrphan = (phone: string, body: string, sendStartedAt: Date | null) =>
  withDb(async (client) => {
    const documentId = uniqueName('orphan');
    await client.query(
      `INSERT INTO plugin_whatsapp_messages
         (document_id, direction, status, "from", "to", body, send_attempts, send_started_at, created_at, updated_at, published_at)
       VALUES ($1, 'outbound', 'pending', $2, $3, $4, $5, $6, now() - interval '10 minutes', now(), now())`,
      [documentId, `whatsapp:${ctx.whatsappNumber}`, `whatsapp:${phone}`, body, sendStartedAt ? 1 : 0, sendStartedAt]
    );
    return documentId;
  });

/** Twilio's REST API, as our app would have called it before crashing. */
const createAtTwilio = async (phone: string, body: string) => {
  const auth = Buffer.from(`${ctx.twilioAccountSid}:${ctx.twilioAuthToken}`).toString('base64');
  const response = await fetch(`${ctx.emulatorUrl}/2010-04-01/Accounts/${ctx.twilioAccountSid}/Messages.json`, {
    method: 'POST',
    headers: { Authorization: `Basic ${auth}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ To: `whatsapp:${phone}`, From: `whatsapp:${ctx.whatsappNumber}`, Body: body }).toString(),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { sid: string }).sid;
};

describe('the outbox sweeper (scheduled every minute): no pending message is left behind', () => {
  it('sends a pending message whose job was lost, and adopts one a crashed attempt had already sent', async () => {
    const neverSent = uniqueIndianMobile();
    const orphan = await insertOrphan(neverSent, 'Lost job', null);

    // Crashed after Twilio accepted, before the SID was stored.
    const alreadySent = uniqueIndianMobile();
    const crashed = await insertOrphan(alreadySent, 'Sent before the crash', new Date(Date.now() - 5 * 60_000));
    const sid = await createAtTwilio(alreadySent, 'Sent before the crash');

    const sent = await waitForMessage(orphan, handedToTwilio, 100_000);
    const atTwilio = await emulatorMessagesTo(neverSent);
    expect(atTwilio).toHaveLength(1);
    expect(sent.twilioSid).toBe(atTwilio[0]!.sid);

    const adopted = await waitForMessage(crashed, handedToTwilio, 30_000);
    expect(adopted.twilioSid).toBe(sid);
    expect(await emulatorMessagesTo(alreadySent)).toHaveLength(1);
    expect((await outboxRow(crashed)).send_attempts).toBe(1);
    expect((await getMessage(crashed)).status).not.toBe('pending');
  }, 130_000);

  it('leaves alone a late message whose send job is still waiting: no second job, one Twilio message', async () => {
    const candidate = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(candidate.documentId);
    // Twilio answers 500 at first: the send job queues its next attempt after a backoff.
    await injectFailure({ kind: 'http500', to: `whatsapp:${candidate.phone}`, times: 2 });
    const response = await sendMessage({ candidate: candidate.documentId, body: 'Waiting its turn' });
    expect(response.status).toBe(201);
    const documentId = response.body.data.documentId as string;

    // Hold that next attempt's job in the queue for minutes, as a long backlog would.
    let held = 0;
    for (let tries = 0; tries < 400 && held === 0; tries += 1) {
      held = await withDb(async (client) => {
        const result = await client.query(
          `UPDATE whatsapp_jobs.job SET start_after = now() + interval '10 minutes'
            WHERE name = 'whatsapp.send-message' AND data->>'messageId' = $1 AND state = 'created'`,
          [documentId]
        );
        return result.rowCount ?? 0;
      });
      if (held === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(held).toBe(1);
    // The message itself looks long overdue, so only its waiting job tells the sweep it is not lost.
    await withDb((client) =>
      client.query(
        `UPDATE plugin_whatsapp_messages SET created_at = now() - interval '10 minutes', next_attempt_at = now() - interval '10 minutes'
          WHERE document_id = $1`,
        [documentId]
      )
    );
    const heldAt = await withDb(async (client) => (await client.query(`SELECT now() AS at`)).rows[0].at as Date);
    const jobsBefore = await sendJobsOf(documentId);

    // The next sweep (every minute) to run from start to end after that.
    let swept = false;
    for (let tries = 0; tries < 400 && !swept; tries += 1) {
      swept = await withDb(async (client) => {
        const result = await client.query(
          `SELECT 1 FROM whatsapp_jobs.job WHERE name = 'whatsapp.sweep-outbox' AND state = 'completed' AND started_on > $1`,
          [heldAt]
        );
        return (result.rowCount ?? 0) > 0;
      });
      if (!swept) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(swept).toBe(true);
    const jobsAfter = await sendJobsOf(documentId);
    expect(jobsAfter).toEqual(jobsBefore);
    expect(jobsAfter.filter((job) => ['created', 'retry', 'active'].includes(job.state))).toHaveLength(1);

    // Let the held job run: the message goes once.
    await withDb((client) =>
      client.query(
        `UPDATE whatsapp_jobs.job SET start_after = now() WHERE name = 'whatsapp.send-message' AND data->>'messageId' = $1 AND state = 'created'`,
        [documentId]
      )
    );
    await waitForMessage(documentId, handedToTwilio, 30_000);
    expect(await emulatorMessagesTo(candidate.phone)).toHaveLength(1);
  }, 160_000);
});
