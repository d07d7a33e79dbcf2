import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { busiestWindow, secondOf } from '../helpers/pace';
import { emulatorMessagesByNumber } from '../campaigns/helpers';
import { silenceEmulator } from '../sync/helpers';
import { adminApi, approvedTemplate, createCandidate, ctx, oweSendersBucket, sendMessage, setLastInbound } from './helpers';

/** The test app's WHATSAPP_MPS (the plugin's default). */
const MPS = 80;
const BURST = 500;
/** API clients posting at once. */
const CLIENTS = 25;
/**
 * While the burst is posted the sender's next seconds stay booked (as by a campaign), so it is
 * all queued before the drain starts: posting is slower than the sender's pace on a busy machine,
 * and the drain, not the posting, is what is measured. Booked again whenever less than
 * `REBOOK_BELOW_SECONDS` is left; under the 20 s a send may hold its message waiting for a token.
 */
const BOOKED_SECONDS = 15;
const REBOOK_BELOW_SECONDS = 8;

/** Our messages among `documentIds` that Twilio does not have yet, and whether `watched` has gone. */
const handoverState = (watched: string, documentIds: string[]) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT (SELECT twilio_sid FROM plugin_whatsapp_messages WHERE document_id = $1) AS watched_sid,
              (SELECT count(*)::int FROM plugin_whatsapp_messages WHERE document_id = ANY($2) AND twilio_sid IS NULL) AS waiting`,
      [watched, documentIds]
    );
    return result.rows[0] as { watched_sid: string | null; waiting: number };
  });

const waitingCount = async (documentIds: string[]) => (await handoverState('', documentIds)).waiting;

/**
 * Messages per second over the emulator's creation times (whole seconds, as Twilio keeps them)
 * while a backlog could drain: from when the whole burst was queued and the booking was over (or
 * from the first send, if later) to the last send. Those two seconds are partial, so only the
 * whole seconds between them count.
 */
const drainRate = (createdAt: string[], drainableFromMs: number) => {
  const seconds = createdAt.map(secondOf);
  const earliest = Math.min(...seconds);
  const first = Math.max(earliest, Math.floor(drainableFromMs / 1000));
  const last = Math.max(...seconds);
  const inside = seconds.filter((second) => second > first && second < last).length;
  const perSecond = Array.from({ length: last - earliest + 1 }, (_, offset) => seconds.filter((second) => second === earliest + offset).length);
  return { rate: inside / (last - first - 1), wholeSeconds: last - first - 1, before: seconds.filter((second) => second < first).length, perSecond };
};

describe('a burst of one-message sends', () => {
  let restoreEmulator: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // No status callbacks meanwhile: what is measured is the sending, and on a shared 2-core
    // machine the callbacks' share of the app's CPU (as much as the sends') would be measured too.
    restoreEmulator = await silenceEmulator();
  });

  afterAll(async () => {
    await restoreEmulator?.();
    // A rested bucket for the suites after this one.
    await oweSendersBucket(ctx.whatsappNumber, MPS, 0);
  });

  it(`drains at the sender's pace (WHATSAPP_MPS ${MPS}), once each, and an inbox reply sent meanwhile overtakes it`, async () => {
    const template = await approvedTemplate('Hi {{1}}, your slot is {{2}}.', { '1': 'Asha', '2': 'Monday' });
    const phones = Array.from({ length: BURST }, () => uniqueIndianMobile());
    const staffContact = await createCandidate({ phone: uniqueIndianMobile() });
    await setLastInbound(staffContact.documentId);

    // An API client's burst: every send answered 201 while its jobs pile up.
    const documentIds: string[] = [];
    const started = Date.now();
    let bookedUntil = 0;
    for (let index = 0; index < BURST; index += CLIENTS) {
      if (bookedUntil - Date.now() < REBOOK_BELOW_SECONDS * 1000) {
        await oweSendersBucket(ctx.whatsappNumber, MPS, BOOKED_SECONDS);
        bookedUntil = Date.now() + BOOKED_SECONDS * 1000;
      }
      const slice = phones.slice(index, index + CLIENTS);
      const responses = await Promise.all(
        slice.map((to) => sendMessage({ to, template: template.documentId, variables: { '1': 'Asha', '2': 'Monday' } }))
      );
      for (const response of responses) {
        expect(response.status).toBe(201);
        documentIds.push(response.body.data.documentId as string);
      }
    }
    const queuedAt = Date.now();

    // A staff member answers from the inbox while the burst is still queued.
    const backlogAtReply = await waitingCount(documentIds);
    const reply = await adminApi()
      .post('/whatsapp/messages')
      .send({ data: { candidate: staffContact.documentId, body: 'Staff reply during a burst' } });
    expect(reply.status).toBe(201);
    const replyId = reply.body.data.documentId as string;
    let state = await handoverState(replyId, documentIds);
    const replyDeadline = Date.now() + 60_000;
    while (!state.watched_sid && Date.now() < replyDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await handoverState(replyId, documentIds);
    }

    const drainDeadline = Date.now() + 120_000;
    let waiting = await waitingCount(documentIds);
    while (waiting > 0 && Date.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      waiting = await waitingCount(documentIds);
    }
    const atTwilio = await emulatorMessagesByNumber(phones);
    const created = [...atTwilio.values()].flat().map((message) => (message as { dateCreated: string }).dateCreated);
    const { rate, wholeSeconds, before, perSecond } = drainRate(created, Math.max(queuedAt, bookedUntil));
    process.stdout.write(
      `[send burst] ${BURST} API sends posted in ${queuedAt - started} ms; at Twilio: ${created.length} (${before} before the drain), ` +
        `${rate.toFixed(1)}/s over ${wholeSeconds} whole s of drain (MPS ${MPS}); ` +
        `inbox reply: ${backlogAtReply} queued before it, ${state.watched_sid ? state.waiting : 'n/a'} still queued when it went; per second: ${perSecond.join(' ')}\n`
    );

    expect(waiting).toBe(0);
    // Exactly one Twilio message for each of ours: nothing sent twice, nothing lost.
    for (const phone of phones) expect(atTwilio.get(phone)).toHaveLength(1);
    expect(wholeSeconds).toBeGreaterThanOrEqual(3);
    expect(rate).toBeGreaterThanOrEqual(0.9 * MPS);
    // …and never faster than the sender's pace (+ 5 %) in any 5 seconds at Twilio.
    expect(busiestWindow(created.map(secondOf), 5)).toBeLessThanOrEqual(Math.floor(5 * MPS * 1.05));

    // The reply went out while most of what was queued before it still waited: not behind the burst.
    expect(state.watched_sid).toBeTruthy();
    expect(backlogAtReply).toBeGreaterThanOrEqual(100);
    expect(state.waiting).toBeGreaterThanOrEqual(backlogAtReply / 2);
  }, 240_000);
});
