import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  contentApi,
  createCandidate,
  emulatorMessagesTo,
  failureRulesFor,
  handedToTwilio,
  hasFailed,
  injectFailure,
  outboxRow,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

/** A candidate who wrote an hour ago, so free text may be sent. */
const reachableCandidate = async () => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile() });
  await setLastInbound(candidate.documentId);
  return candidate;
};

const send = async (candidateDocumentId: string, body: string) => {
  const response = await sendMessage({ candidate: candidateDocumentId, body });
  expect(response.status).toBe(201);
  expect(response.body.data.status).toBe('pending');
  return response.body.data.documentId as string;
};

describe('the outbox: unknown outcomes, retries and final errors', () => {
  it('Twilio accepts, then the connection drops before the answer: reconciled, exactly one message at Twilio, ours has its SID', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'timeoutAfterAccept', to: `whatsapp:${candidate.phone}`, holdMs: 300 });

    const documentId = await send(candidate.documentId, 'Reset after accept');
    const message = await waitForMessage(documentId, handedToTwilio, 20_000);

    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(message.twilioSid).toBe(atTwilio[0]!.sid);
    const row = await outboxRow(documentId);
    // One create request: the second run asked Twilio instead of sending again.
    expect(row.send_attempts).toBe(1);
    expect(row.send_started_at).toBeNull();
    expect(row.send_locked_until).toBeNull();
  });

  it('Twilio accepts, then never answers (our timeout fires): exactly one message at Twilio, ours ends with its SID', async () => {
    const candidate = await reachableCandidate();
    // Held far past the plugin's 10 s timeout to Twilio.
    await injectFailure({ kind: 'timeoutAfterAccept', to: `whatsapp:${candidate.phone}`, holdMs: 45_000 });

    const documentId = await send(candidate.documentId, 'Timeout after accept');
    const message = await waitForMessage(documentId, handedToTwilio, 40_000);

    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(message.twilioSid).toBe(atTwilio[0]!.sid);
    expect((await outboxRow(documentId)).send_attempts).toBe(1);
  }, 60_000);

  it('with no status callback to go by, the reconcile finds the message in Twilio’s list and does not send again', async () => {
    const candidate = await reachableCandidate();
    // The answer is lost only after the emulator has posted sent/delivered/read (one step per 200 ms).
    await injectFailure({ kind: 'timeoutAfterAccept', to: `whatsapp:${candidate.phone}`, holdMs: 2_500 });
    const documentId = await send(candidate.documentId, 'Find me in the list');

    await waitForMessage(documentId, (m) => m.status === 'read', 2_000);
    // Forget the callbacks, so only Twilio's message list can tell the next run what happened.
    await withDb((client) => client.query(`DELETE FROM plugin_whatsapp_status_events WHERE message_document_id = $1`, [documentId]));
    const beforeReconcile = await outboxRow(documentId);
    expect(beforeReconcile.twilio_sid).toBeNull();

    const message = await waitForMessage(documentId, handedToTwilio, 20_000);
    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(message.twilioSid).toBe(atTwilio[0]!.sid);
    expect((await outboxRow(documentId)).send_attempts).toBe(1);
    // The callbacks had already moved the status on; storing the SID does not move it back.
    expect(message.status).toBe('read');
  });

  it('two 429s, then success: retried with backoff, one message at Twilio', async () => {
    const candidate = await reachableCandidate();
    const to = `whatsapp:${candidate.phone}`;
    await injectFailure({ kind: 'http429', to, times: 2 });

    const documentId = await send(candidate.documentId, 'Rate limited twice');
    const message = await waitForMessage(documentId, handedToTwilio, 30_000);

    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(message.twilioSid).toBe(atTwilio[0]!.sid);
    expect(await failureRulesFor(to)).toHaveLength(0);
    const row = await outboxRow(documentId);
    expect(row.send_attempts).toBe(3);
    expect(row.last_send_error).toBeNull();
    expect(message.errorCode).toBeNull();
  });

  it('a 500 before acceptance, then success: one message at Twilio', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'http500', to: `whatsapp:${candidate.phone}` });
    const documentId = await send(candidate.documentId, 'Server error once');
    const message = await waitForMessage(documentId, handedToTwilio, 30_000);
    const atTwilio = await emulatorMessagesTo(candidate.phone);
    expect(atTwilio).toHaveLength(1);
    expect(message.twilioSid).toBe(atTwilio[0]!.sid);
    expect((await outboxRow(documentId)).send_attempts).toBe(2);
  });

  it('does not send a waiting message to a candidate who opted out meanwhile', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'http429', to: `whatsapp:${candidate.phone}` });
    const documentId = await send(candidate.documentId, 'Queued before STOP');
    await contentApi().put(`/api/whatsapp/candidates/${candidate.documentId}`).send({ data: { optIn: 'opted_out' } }).expect(200);

    const message = await waitForMessage(documentId, hasFailed, 20_000);
    expect(message).toMatchObject({ twilioSid: null, errorCode: null, errorDescription: expect.stringMatching(/opted out/) });
    expect(await emulatorMessagesTo(candidate.phone)).toHaveLength(0);
  });

  it('21211 is final: failed with Twilio’s code and message and a sentence for staff, never retried', async () => {
    const candidate = await reachableCandidate();
    const to = `whatsapp:${candidate.phone}`;
    // Two rules: a retry would consume the second one.
    await injectFailure({ kind: 'error', code: 21211, to, times: 2 });

    const documentId = await send(candidate.documentId, 'Invalid number');
    const message = await waitForMessage(documentId, hasFailed);
    expect(message).toMatchObject({
      status: 'failed',
      twilioSid: null,
      errorCode: 21211,
      errorMessage: expect.stringContaining("Invalid 'To' Phone Number"),
      errorDescription: expect.stringMatching(/not valid/i),
      failedAt: expect.any(String),
    });
    expect(await emulatorMessagesTo(candidate.phone)).toHaveLength(0);
    // Give a wrongly scheduled retry time to happen, then check it did not.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const [rule] = await failureRulesFor(to);
    expect(rule?.remaining).toBe(1);
    expect((await outboxRow(documentId)).send_attempts).toBe(1);
  });

  it('21610 (unsubscribed) is final and explained', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'error', code: 21610, to: `whatsapp:${candidate.phone}` });
    const documentId = await send(candidate.documentId, 'Unsubscribed');
    const message = await waitForMessage(documentId, hasFailed);
    expect(message).toMatchObject({ errorCode: 21610, errorDescription: expect.stringMatching(/unsubscribed|STOP/) });
  });

  it('63016 after acceptance arrives as a failed status: kept with its code and the window explained', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'error', code: 63016, to: `whatsapp:${candidate.phone}` });
    const documentId = await send(candidate.documentId, 'Window closed at WhatsApp');
    const message = await waitForMessage(documentId, (m) => m.status === 'failed', 20_000);
    expect(message.twilioSid).toMatch(/^SM/);
    expect(message).toMatchObject({ errorCode: 63016, errorDescription: expect.stringMatching(/24-hour window/) });
  });

  it('63015 (sandbox not joined) is explained with what the candidate must do', async () => {
    const candidate = await reachableCandidate();
    await injectFailure({ kind: 'error', code: 63015, to: `whatsapp:${candidate.phone}` });
    const documentId = await send(candidate.documentId, 'Not joined');
    const message = await waitForMessage(documentId, (m) => m.status === 'failed', 20_000);
    expect(message).toMatchObject({ errorCode: 63015, errorDescription: expect.stringMatching(/join/i) });
  });
});
