import { expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { setTemplateApproval } from '../send/helpers';
import {
  allRecipients,
  campaignAction,
  campaignFor,
  contentApi,
  countAtEmulator,
  createCandidates,
  emulatorMessagesByNumber,
  getCampaign,
  injectFailure,
  isCompleted,
  sleep,
  useExtraApp,
  uniqueTag,
  waitForCampaign,
  withDb,
} from './helpers';

/** Waits until the emulator holds at least `count` messages for these numbers. */
const waitForSends = async (phones: string[], count: number, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while ((await countAtEmulator(phones)) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} messages reached Twilio`);
    await sleep(100);
  }
};

/** Sends still landing after an action must stop: the count holds still for `quietMs`. */
const settledCount = async (phones: string[], quietMs = 1_500) => {
  await sleep(400); // sends already in Twilio's hands when the action returned
  const before = await countAtEmulator(phones);
  await sleep(quietMs);
  return { before, after: await countAtEmulator(phones) };
};

describe('campaign actions on a slow sender (5 messages per second)', () => {
  // Its own app process and sender, so its pace is its own and the timing below is not a race.
  const sender = '+15005550020';
  const slowApp = useExtraApp({ sender, mps: 5 });

  it('pause stops sending (a running campaign is not deleted), resume finishes: one message per recipient', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(20, tag);
    const phones = people.map((person) => person.phone);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', slowApp.current.url).expect(200);
    await waitForSends(phones, 3);

    const deleting = await contentApi().delete(`/api/whatsapp/campaigns/${campaign.documentId}`);
    expect(deleting.status).toBe(409);
    expect(deleting.body.error.details.code).toBe('CAMPAIGN_RUNNING');

    const paused = await campaignAction(campaign.documentId, 'pause').expect(200);
    expect(paused.body.data.state).toBe('paused');
    const { before, after } = await settledCount(phones);
    expect(after).toBe(before);
    expect(before).toBeLessThan(20);
    const whilePaused = await getCampaign(campaign.documentId);
    expect(whilePaused.stats?.pending).toBe(20 - before);

    const resumed = await campaignAction(campaign.documentId, 'resume').expect(200);
    expect(resumed.body.data.state).toBe('running');
    await waitForCampaign(campaign.documentId, isCompleted, 30_000);
    const atTwilio = await emulatorMessagesByNumber(phones);
    for (const phone of phones) expect(atTwilio.get(phone)).toHaveLength(1);
    for (const message of [...atTwilio.values()].flat()) expect(message.from).toBe(`whatsapp:${sender}`);
  }, 60_000);

  it('cancel stops for good: the rest are canceled and nothing more is sent', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(15, tag);
    const phones = people.map((person) => person.phone);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', slowApp.current.url).expect(200);
    await waitForSends(phones, 2);

    const cancelled = await campaignAction(campaign.documentId, 'cancel').expect(200);
    expect(cancelled.body.data).toMatchObject({ state: 'cancelled', completedAt: null });
    const { before, after } = await settledCount(phones);
    expect(after).toBe(before);
    const view = await getCampaign(campaign.documentId);
    expect(view.stats).toMatchObject({ total: 15, canceled: 15 - before, pending: 0 });

    for (const action of ['resume', 'launch', 'pause']) {
      const refused = await campaignAction(campaign.documentId, action);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details).toMatchObject({ code: 'INVALID_STATE_TRANSITION', state: 'cancelled' });
    }
    const atTwilio = await emulatorMessagesByNumber(phones);
    for (const phone of phones) expect(atTwilio.get(phone)!.length).toBeLessThanOrEqual(1);
  }, 60_000);

  it('pauses by itself, with the reason, when its template can no longer be sent', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(12, tag);
    const phones = people.map((person) => person.phone);
    const { campaign, template } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', slowApp.current.url).expect(200);
    await waitForSends(phones, 2);
    // The template sync learns that WhatsApp paused the template.
    await setTemplateApproval(template.documentId, 'paused', template.contentSid);
    const paused = await waitForCampaign(campaign.documentId, (view) => view.state === 'paused', 10_000);
    expect(paused.stateReason).toContain('paused by WhatsApp');
    const { before, after } = await settledCount(phones, 1_000);
    expect(after).toBe(before);

    await setTemplateApproval(template.documentId, 'approved', template.contentSid);
    const resumed = await campaignAction(campaign.documentId, 'resume').expect(200);
    expect(resumed.body.data.stateReason).toBeNull();
    await waitForCampaign(campaign.documentId, isCompleted, 30_000);
    const atTwilio = await emulatorMessagesByNumber(phones);
    for (const phone of phones) expect(atTwilio.get(phone)).toHaveLength(1);
  }, 60_000);
});

describe('campaign actions', () => {
  it.each([
    ['pause', 'draft'],
    ['resume', 'draft'],
    ['cancel', 'draft'],
    ['retry-failed', 'draft'],
  ])('refuses %s on a %s campaign with 409 and says why', async (action, state) => {
    const { campaign } = await campaignFor(uniqueTag());
    const response = await campaignAction(campaign.documentId, action);
    expect(response.status).toBe(409);
    expectStrapiError(response.body, 409, 'ConflictError');
    expect(response.body.error.message).toContain(`This campaign is ${state}`);
    expect(response.body.error.details).toMatchObject({ code: 'INVALID_STATE_TRANSITION', action, state, allowedFrom: expect.any(Array) });
  });

  it('refuses to launch, pause or resume a completed campaign (409)', async () => {
    const tag = uniqueTag();
    await createCandidates(1, tag);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch').expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);
    for (const action of ['launch', 'pause', 'resume', 'cancel']) {
      const response = await campaignAction(campaign.documentId, action);
      expect(response.status).toBe(409);
      expect(response.body.error.details.state).toBe('completed');
    }
  });

  it('retry-failed sends failed recipients again as new messages linked by retryOf; the failure stays on record', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(3, tag);
    await injectFailure({ kind: 'error', code: 21612, status: 400, mode: 'sync', to: `whatsapp:${people[0]!.phone}` });
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch').expect(200);
    const first = await waitForCampaign(campaign.documentId, isCompleted);
    expect(first.stats).toMatchObject({ failed: 1, total: 3 });
    const [failedBefore] = await allRecipients(campaign.documentId, { status: 'failed' });
    const failedMessage = (failedBefore!.message as { documentId: string; errorCode: number }).documentId;
    expect(failedBefore!.message).toMatchObject({ errorCode: 21612 });

    const retried = await campaignAction(campaign.documentId, 'retry-failed').expect(200);
    expect(retried.body.data).toMatchObject({ state: 'running', completedAt: null });
    const done = await waitForCampaign(campaign.documentId, isCompleted);
    expect(done.stats).toMatchObject({ failed: 0, total: 3 });

    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
    const links = await withDb(async (client) =>
      (
        await client.query(
          `SELECT n.document_id AS retry, o.document_id AS original, o.status AS original_status, o.error_code
             FROM plugin_whatsapp_messages_retry_of_lnk l
             JOIN plugin_whatsapp_messages n ON n.id = l.message_id
             JOIN plugin_whatsapp_messages o ON o.id = l.inv_message_id
            WHERE o.document_id = $1`,
          [failedMessage]
        )
      ).rows
    );
    expect(links).toEqual([{ retry: expect.any(String), original: failedMessage, original_status: 'failed', error_code: 21612 }]);
    const recipient = (await allRecipients(campaign.documentId)).find((item) => item.candidate?.phone === people[0]!.phone)!;
    expect((recipient.message as { documentId: string }).documentId).toBe(links[0].retry);

    const nothing = await campaignAction(campaign.documentId, 'retry-failed');
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.details.code).toBe('NOTHING_TO_RETRY');
  });

  it('a scheduled campaign launches itself at scheduledAt', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(2, tag);
    const scheduledAt = new Date(Date.now() + 2_500);
    const { campaign } = await campaignFor(tag, { scheduledAt: scheduledAt.toISOString() });
    expect(campaign.state).toBe('scheduled');
    const done = await waitForCampaign(campaign.documentId, isCompleted, 20_000);
    expect(new Date(done.startedAt!).getTime()).toBeGreaterThanOrEqual(scheduledAt.getTime() - 1_000);
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
  });

  it('a scheduled campaign whose template is no longer approved goes back to draft, saying why', async () => {
    const tag = uniqueTag();
    await createCandidates(1, tag);
    const { campaign, template } = await campaignFor(tag, { scheduledAt: new Date(Date.now() + 1_500).toISOString() });
    await setTemplateApproval(template.documentId, 'rejected', template.contentSid);
    const draft = await waitForCampaign(campaign.documentId, (view) => view.state === 'draft', 20_000);
    expect(draft.stateReason).toContain('The scheduled launch was refused');
    expect(draft.stateReason).toContain('rejected');
    expect(await allRecipients(campaign.documentId)).toHaveLength(0);
  });

  it('launching a scheduled campaign early is allowed; its wake-up then does nothing', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(1, tag);
    const { campaign } = await campaignFor(tag, { scheduledAt: new Date(Date.now() + 1_500).toISOString(), name: uniqueName('early') });
    await campaignAction(campaign.documentId, 'launch').expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);
    await sleep(2_500);
    expect((await getCampaign(campaign.documentId)).state).toBe('completed');
    expect(await countAtEmulator(people.map((person) => person.phone))).toBe(1);
  });
});
