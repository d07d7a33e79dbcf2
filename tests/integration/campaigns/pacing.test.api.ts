import {
  allRecipients,
  campaignAction,
  campaignFor,
  createCandidates,
  emulatorMessagesByNumber,
  injectFailure,
  isCompleted,
  useExtraApp,
  troubledDispatcherRuns,
  uniqueTag,
  waitForCampaign,
  withDb,
} from './helpers';

type Bucket = { factor: number; slowed_at: Date | null };

describe('Twilio asking us to slow down (20429, 63018)', () => {
  const sender = '+15005550050';
  const mps = 10;
  const extra = useExtraApp({ sender, mps });

  const bucket = () =>
    withDb(async (client) => {
      const result = await client.query(`SELECT factor, slowed_at FROM plugin_whatsapp_rate_buckets WHERE sender = $1`, [sender]);
      return (result.rows[0] ?? null) as Bucket | null;
    });

  it('finishes an audience that is not a whole number of batches without a dispatcher run failing', async () => {
    // At 10 a second a batch is 5 recipients: 12 make two full batches and a short one, whose
    // claim comes back smaller than the tokens reserved alongside it.
    const since = new Date(Date.now() - 1_000);
    const tag = uniqueTag();
    const people = await createCandidates(12, tag);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', extra.current.url).expect(200);
    const done = await waitForCampaign(campaign.documentId, isCompleted, 30_000);
    expect(done.stats).toMatchObject({ total: 12, failed: 0, pending: 0 });
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
    expect(await troubledDispatcherRuns(sender, since)).toEqual([]);
  }, 60_000);

  it('a 429 (20429) halves the sender’s pace; the refused message is sent later, once', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(12, tag);
    await injectFailure({ kind: 'http429', to: `whatsapp:${people[1]!.phone}` });
    const before = await bucket();
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', extra.current.url).expect(200);
    const done = await waitForCampaign(campaign.documentId, isCompleted, 40_000);
    expect(done.stats).toMatchObject({ total: 12, failed: 0, pending: 0 });

    const after = await bucket();
    expect(after?.slowed_at).toBeInstanceOf(Date);
    if (before?.slowed_at) expect(after!.slowed_at!.getTime()).toBeGreaterThan(before.slowed_at.getTime());
    expect(after!.factor).toBeLessThanOrEqual(0.5);
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
  }, 60_000);

  it('a message WhatsApp refuses with 63018 (rate limit) slows the sender down too', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(25, tag);
    await injectFailure({ kind: 'error', code: 63018, to: `whatsapp:${people[0]!.phone}` });
    const before = await bucket();
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', extra.current.url).expect(200);
    const done = await waitForCampaign(campaign.documentId, isCompleted, 60_000);
    expect(done.stats?.total).toBe(25);

    const failed = await waitForCampaign(campaign.documentId, (view) => view.stats?.failed === 1, 10_000);
    expect(failed.stats?.failed).toBe(1);
    const [refused] = await allRecipients(campaign.documentId, { status: 'failed' });
    expect(refused!.message).toMatchObject({ errorCode: 63018 });
    const after = await bucket();
    expect(after?.slowed_at).toBeInstanceOf(Date);
    expect(after!.slowed_at!.getTime()).toBeGreaterThan(before?.slowed_at?.getTime() ?? 0);
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
  }, 90_000);
});
