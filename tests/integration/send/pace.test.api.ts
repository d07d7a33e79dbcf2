import { ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import {
  createCandidate,
  emulatorMessagesTo,
  handedToTwilio,
  oweSendersBucket,
  outboxRow,
  sendMessage,
  setLastInbound,
  waitForMessage,
} from './helpers';

/** The test app's WHATSAPP_MPS (the plugin's default) and its sender's bucket key. */
const MPS = 80;
const SENDER = ctx.whatsappNumber;

const owe = (seconds: number) => oweSendersBucket(SENDER, MPS, seconds);

const send = async (body: string) => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile() });
  await setLastInbound(candidate.documentId);
  const response = await sendMessage({ candidate: candidate.documentId, body });
  expect(response.status).toBe(201);
  return { documentId: response.body.data.documentId as string, phone: candidate.phone };
};

describe('one-message sends draw from the sender’s token bucket, as campaigns do', () => {
  afterEach(async () => {
    // A rested bucket for the suites after this one.
    await owe(0);
  });

  it('waits for its token when a campaign has the next seconds booked', async () => {
    await owe(3);
    const started = Date.now();
    const { documentId, phone } = await send('Paced one-off');
    await waitForMessage(documentId, handedToTwilio, 20_000);
    // About 3 s of tokens were promised before it; it went out after them, not at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
    expect(await emulatorMessagesTo(phone)).toHaveLength(1);
  }, 30_000);

  it('goes back to the queue until its token when that is further off than it may hold the message, then goes once', async () => {
    await owe(24);
    const { documentId, phone } = await send('Deferred one-off');
    // Deferred, not attempted: nothing at Twilio, no attempt counted, the next try booked ~24 s on.
    let row = await outboxRow(documentId);
    for (let tries = 0; tries < 50 && !row.next_attempt_at; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      row = await outboxRow(documentId);
    }
    expect(row).toMatchObject({ status: 'pending', send_attempts: 0, twilio_sid: null, send_locked_until: null });
    expect(row.next_attempt_at!.getTime() - Date.now()).toBeGreaterThan(15_000);
    expect(await emulatorMessagesTo(phone)).toHaveLength(0);

    await waitForMessage(documentId, handedToTwilio, 45_000);
    expect(await emulatorMessagesTo(phone)).toHaveLength(1);
  }, 60_000);
});
