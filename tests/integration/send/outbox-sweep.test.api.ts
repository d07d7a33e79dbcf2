import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { ctx, emulatorMessagesTo, getMessage, handedToTwilio, outboxRow, waitForMessage } from './helpers';

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
});
