import {
  allRecipients,
  campaignAction,
  campaignFor,
  campaignMessages,
  countAtEmulator,
  createCandidates,
  emulatorMessagesByNumber,
  getCampaign,
  injectFailure,
  isCompleted,
  sleep,
  startExtraApp,
  uniqueTag,
  waitForCampaign,
  withDb,
  type ExtraApp,
} from './helpers';

describe('crash safety: an app process killed (SIGKILL) in the middle of a campaign', () => {
  // The only process sending from this number, so the dispatcher certainly runs in the one we kill.
  const sender = '+15005550030';
  const env = { WHATSAPP_CAMPAIGN_RUN_SECONDS: '3' };
  let app: ExtraApp | undefined;

  afterAll(async () => {
    await app?.app.stop();
  });

  it('after a restart every recipient has exactly one message at Twilio, none is lost, and the campaign completes', async () => {
    app = await startExtraApp({ sender, mps: 20, env });
    const tag = uniqueTag();
    const people = await createCandidates(60, tag);
    const phones = people.map((person) => person.phone);
    // Two sends Twilio accepts but never answers: in flight when the process dies, with an
    // unknown outcome the restarted app must find out about instead of sending again.
    const held = [people[20]!, people[21]!];
    for (const person of held) await injectFailure({ kind: 'timeoutAfterAccept', to: `whatsapp:${person.phone}`, holdMs: 30_000 });

    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', app.url).expect(200);
    const deadline = Date.now() + 30_000;
    while ((await countAtEmulator(phones)) < 25) {
      if (Date.now() > deadline) throw new Error('the campaign did not get going');
      await sleep(50);
    }

    const exited = new Promise((resolve) => app!.app.child.once('exit', resolve));
    app.app.child.kill('SIGKILL');
    await exited;
    const atKill = await countAtEmulator(phones);
    expect(atKill).toBeLessThan(60);
    expect((await getCampaign(campaign.documentId)).state).toBe('running');
    const heldAtTwilio = await emulatorMessagesByNumber(held.map((person) => person.phone));
    for (const person of held) expect(heldAtTwilio.get(person.phone)).toHaveLength(1);

    // Same port, so Twilio's status callbacks reach it again.
    app = await startExtraApp({ sender, mps: 20, env, port: app.port });
    // The held sends are reconciled once the dead process's lease on them (60 s) runs out.
    const done = await waitForCampaign(campaign.documentId, isCompleted, 150_000);
    expect(done.stats).toMatchObject({ total: 60, pending: 0, skipped: 0, failed: 0 });

    const atTwilio = await emulatorMessagesByNumber(phones);
    for (const phone of phones) expect(atTwilio.get(phone)).toHaveLength(1);
    const ours = await campaignMessages(campaign.documentId);
    expect(ours).toHaveLength(60);
    const sidByNumber = new Map([...atTwilio.entries()].map(([phone, messages]) => [`whatsapp:${phone}`, messages[0]!.sid]));
    for (const message of ours) expect(message.twilio_sid).toBe(sidByNumber.get(message.to));

    // The held ones were asked about, not sent again: one attempt each.
    const attempts = await withDb(async (client) =>
      (
        await client.query(`SELECT "to", send_attempts FROM plugin_whatsapp_messages WHERE "to" = ANY($1)`, [
          held.map((person) => `whatsapp:${person.phone}`),
        ])
      ).rows.map((row) => Number(row.send_attempts))
    );
    expect(attempts).toEqual([1, 1]);
    const recipients = await allRecipients(campaign.documentId);
    expect(recipients.filter((recipient) => recipient.status === 'pending')).toHaveLength(0);
  }, 240_000);
});
