import { expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { setTemplateApproval } from '../send/helpers';
import {
  allRecipients,
  approvedTemplate,
  campaignAction,
  campaignFor,
  campaignMessages,
  contentApi,
  createCampaign,
  createCandidates,
  ctx,
  emulatorMessagesByNumber,
  getCampaign,
  injectFailure,
  isCompleted,
  sendInbound,
  uniqueTag,
  waitForCampaign,
  withDb,
} from './helpers';

describe('launching a campaign', () => {
  it('sends every candidate of the audience exactly one message, skips the unsendable with their reason, and completes on its own', async () => {
    const tag = uniqueTag();
    const body = 'Hi {{1}}, your interview in {{2}} is on {{3}}.';
    const template = await approvedTemplate(body, { '1': 'Asha', '2': 'Pune', '3': 'Monday' });
    const sendable = await createCandidates(6, tag, (index) => ({ attributes: { city: `City ${index}` } }));
    const [optedOut] = await createCandidates(1, tag, () => ({ optIn: 'opted_out', attributes: { city: 'Pune' } }));
    const [noCity] = await createCandidates(1, tag, () => ({ attributes: { course: 'BSc' } }));
    const [badPhone] = await createCandidates(1, tag, () => ({ attributes: { city: 'Pune' } }));
    // A number no writer would store today (imported before validation existed, say).
    await withDb((client) => client.query(`UPDATE plugin_whatsapp_candidates SET phone = 'not a number' WHERE document_id = $1`, [badPhone!.documentId]));
    // Chosen by id, and also by tag: still one recipient.
    const [byId] = await createCandidates(1, uniqueTag(), () => ({ attributes: { city: 'Delhi' } }));

    const campaign = await createCampaign({
      name: uniqueName('launch'),
      template: template.documentId,
      variableMapping: {
        '1': { source: 'field', field: 'name' },
        '2': { source: 'attribute', key: 'city' },
        '3': { source: 'text', value: 'Friday' },
      },
      audience: { tags: [tag], candidates: [byId!.documentId, sendable[0]!.documentId] },
    });

    const launched = await campaignAction(campaign.documentId, 'launch').expect(200);
    expect(launched.body.data).toMatchObject({ documentId: campaign.documentId, state: 'running', startedAt: expect.any(String) });
    expect(launched.body.data.stats).toMatchObject({
      total: 10,
      skipped: 3,
      skippedBy: { opted_out: 1, missing_variable: 1, invalid_phone: 1, candidate_deleted: 0 },
    });

    const done = await waitForCampaign(campaign.documentId, isCompleted);
    expect(new Date(done.completedAt!).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt!).getTime());
    expect(done.stats).toMatchObject({ total: 10, skipped: 3, pending: 0 });

    const receivers = [...sendable, byId!];
    const atTwilio = await emulatorMessagesByNumber([...receivers, optedOut!, noCity!, badPhone!].map((candidate) => candidate.phone));
    for (const candidate of receivers) {
      const messages = atTwilio.get(candidate.phone)!;
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({
        from: `whatsapp:${ctx.whatsappNumber}`,
        contentSid: template.contentSid,
        contentVariables: { '1': candidate.name, '2': expect.stringMatching(/^(City \d|Delhi)$/), '3': 'Friday' },
      });
    }
    for (const skipped of [optedOut!, noCity!, badPhone!]) expect(atTwilio.get(skipped.phone)).toHaveLength(0);

    // Ours: one message per receiver, linked to the campaign, with Twilio's SID.
    const ours = await campaignMessages(campaign.documentId);
    expect(ours).toHaveLength(receivers.length);
    const sids = new Map([...atTwilio.values()].flat().map((message) => [message.to, message.sid]));
    for (const message of ours) expect(message.twilio_sid).toBe(sids.get(message.to));

    const recipients = await allRecipients(campaign.documentId);
    expect(recipients).toHaveLength(10);
    const skipped = await allRecipients(campaign.documentId, { 'filters[status][$eq]': 'skipped' });
    expect(skipped.map((recipient) => [recipient.candidate?.phone ?? null, recipient.skipReason]).sort()).toEqual(
      [
        [optedOut!.phone, 'opted_out'],
        [noCity!.phone, 'missing_variable'],
        ['not a number', 'invalid_phone'],
      ].sort()
    );
    expect(skipped.find((recipient) => recipient.skipReason === 'missing_variable')?.skipDetail).toBe('No value for {{2}} for this candidate.');
    for (const recipient of recipients.filter((item) => item.status !== 'skipped')) {
      expect(recipient.message).toMatchObject({ documentId: expect.any(String), twilioSid: expect.stringMatching(/^SM/) });
    }
  });

  it('keeps the stats right while callbacks arrive, and counts replies written after the campaign message', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(3, tag);
    await injectFailure({ kind: 'error', code: 30008, to: `whatsapp:${people[2]!.phone}` });
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch').expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);

    // The emulator moves each message queued → sent → delivered → read (one step per 200 ms) and
    // reports each step; the third one ends undelivered.
    const settled = await waitForCampaign(campaign.documentId, (view) => view.stats?.read === 2 && view.stats?.undelivered === 1, 15_000);
    expect(settled.stats).toMatchObject({ total: 3, read: 2, undelivered: 1, pending: 0, queued: 0, sent: 0, delivered: 0, replied: 0 });

    const reply = await sendInbound({
      from: `whatsapp:${people[0]!.phone}`,
      to: `whatsapp:${ctx.whatsappNumber}`,
      body: 'Yes, I will come',
      url: `${ctx.publicUrl}/api/whatsapp/webhook`,
    });
    expect(reply.status).toBe(200);
    const replied = await waitForCampaign(campaign.documentId, (view) => view.stats?.replied === 1, 5_000);
    expect(replied.stats?.replied).toBe(1);
    const recipients = await allRecipients(campaign.documentId);
    const byPhone = new Map(recipients.map((recipient) => [recipient.candidate!.phone, recipient]));
    expect(byPhone.get(people[0]!.phone)).toMatchObject({ status: 'read', repliedAt: expect.any(String) });
    expect(byPhone.get(people[1]!.phone)).toMatchObject({ status: 'read', repliedAt: null });
    expect(byPhone.get(people[2]!.phone)).toMatchObject({
      status: 'undelivered',
      message: expect.objectContaining({ status: 'undelivered', errorCode: 30008 }),
    });

    // The list and a filter agree with the stats.
    const list = await contentApi().get('/api/whatsapp/campaigns').query({ 'filters[documentId][$eq]': campaign.documentId }).expect(200);
    expect(list.body.data[0].stats).toMatchObject({ read: 2, undelivered: 1, replied: 1 });
    const undelivered = await allRecipients(campaign.documentId, { 'filters[status][$in][0]': 'undelivered', 'filters[status][$in][1]': 'failed' });
    expect(undelivered.map((recipient) => recipient.candidate!.phone)).toEqual([people[2]!.phone]);
  });

  it.each([
    ['pending', 'TEMPLATE_NOT_APPROVED'],
    ['rejected', 'TEMPLATE_NOT_APPROVED'],
  ])('refuses a template that is %s with 422 %s, and writes nothing', async (approvalStatus, code) => {
    const tag = uniqueTag();
    await createCandidates(1, tag);
    const { campaign, template } = await campaignFor(tag);
    await setTemplateApproval(template.documentId, approvalStatus, template.contentSid);
    const response = await campaignAction(campaign.documentId, 'launch');
    expect(response.status).toBe(422);
    expectStrapiError(response.body, 422);
    expect(response.body.error.details).toMatchObject({ code, approvalStatus });
    expect((await getCampaign(campaign.documentId)).state).toBe('draft');
    expect(await allRecipients(campaign.documentId)).toHaveLength(0);
  });

  it('refuses a campaign without a template, without an audience, or whose audience matches nobody (422)', async () => {
    const noTemplate = await createCampaign({ name: uniqueName('x'), audience: { tags: [uniqueTag()] } });
    const refusedTemplate = await campaignAction(noTemplate.documentId, 'launch');
    expect(refusedTemplate.status).toBe(422);
    expect(refusedTemplate.body.error.details.code).toBe('CAMPAIGN_INCOMPLETE');

    const { campaign: nobody } = await campaignFor(uniqueTag());
    const refusedEmpty = await campaignAction(nobody.documentId, 'launch');
    expect(refusedEmpty.status).toBe(422);
    expect(refusedEmpty.body.error.details.code).toBe('EMPTY_AUDIENCE');

    const { campaign: noAudience } = await campaignFor(uniqueTag(), { audience: { tags: [], candidates: [] } });
    const refusedNoAudience = await campaignAction(noAudience.documentId, 'launch');
    expect(refusedNoAudience.status).toBe(422);
    expect(refusedNoAudience.body.error.details.code).toBe('EMPTY_AUDIENCE');
  });

  it('answers 404 for an unknown campaign', async () => {
    const response = await campaignAction('doesnotexist000000000000', 'launch');
    expect(response.status).toBe(404);
    expectStrapiError(response.body, 404, 'NotFoundError');
  });

  it('launches once when two launches race: one 200, one 409, one message per recipient', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(4, tag);
    const { campaign } = await campaignFor(tag);
    const [first, second] = await Promise.all([campaignAction(campaign.documentId, 'launch'), campaignAction(campaign.documentId, 'launch')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    await waitForCampaign(campaign.documentId, isCompleted);
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    for (const person of people) expect(atTwilio.get(person.phone)).toHaveLength(1);
    expect(await allRecipients(campaign.documentId)).toHaveLength(4);
  });

  it('skips, when its turn comes, a candidate who opted out after the launch (here: before a retry)', async () => {
    const tag = uniqueTag();
    const people = await createCandidates(2, tag);
    // Twilio refuses the first attempt for good: the recipient ends failed.
    await injectFailure({ kind: 'error', code: 21610, status: 400, mode: 'sync', to: `whatsapp:${people[1]!.phone}` });
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch').expect(200);
    const first = await waitForCampaign(campaign.documentId, isCompleted);
    expect(first.stats).toMatchObject({ failed: 1, skipped: 0 });

    // The candidate writes STOP before anyone retries.
    const stop = await sendInbound({
      from: `whatsapp:${people[1]!.phone}`,
      to: `whatsapp:${ctx.whatsappNumber}`,
      body: 'STOP',
      url: `${ctx.publicUrl}/api/whatsapp/webhook`,
    });
    expect(stop.status).toBe(200);
    await campaignAction(campaign.documentId, 'retry-failed').expect(200);
    const done = await waitForCampaign(campaign.documentId, isCompleted);
    expect(done.stats).toMatchObject({ total: 2, failed: 0, skipped: 1, skippedBy: expect.objectContaining({ opted_out: 1 }) });
    const atTwilio = await emulatorMessagesByNumber(people.map((person) => person.phone));
    expect(atTwilio.get(people[0]!.phone)).toHaveLength(1);
    expect(atTwilio.get(people[1]!.phone)).toHaveLength(0);
  });
});

describe('editing a campaign', () => {
  it('a draft gets scheduled by a scheduledAt and back to draft without one', async () => {
    const campaign = await createCampaign({ name: uniqueName('edit') });
    const scheduledAt = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await contentApi().put(`/api/whatsapp/campaigns/${campaign.documentId}`).send({ data: { scheduledAt } }).expect(200);
    expect(scheduled.body.data).toMatchObject({ state: 'scheduled', scheduledAt });
    const draft = await contentApi().put(`/api/whatsapp/campaigns/${campaign.documentId}`).send({ data: { scheduledAt: null } }).expect(200);
    expect(draft.body.data).toMatchObject({ state: 'draft', scheduledAt: null });
  });

  it('a launched campaign keeps its audience and mapping (409), may be renamed, and takes its recipients along when deleted', async () => {
    const tag = uniqueTag();
    await createCandidates(1, tag);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch').expect(200);
    await waitForCampaign(campaign.documentId, isCompleted);

    const refused = await contentApi().put(`/api/whatsapp/campaigns/${campaign.documentId}`).send({ data: { audience: { tags: ['other'] } } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ code: 'CAMPAIGN_LAUNCHED', fields: ['audience'] });
    const unchanged = await contentApi()
      .put(`/api/whatsapp/campaigns/${campaign.documentId}`)
      .send({ data: { audience: { tags: [tag], candidates: [] }, name: 'Renamed' } })
      .expect(200);
    expect(unchanged.body.data).toMatchObject({ name: 'Renamed', state: 'completed' });

    const campaignId = await withDb(async (client) =>
      (await client.query(`SELECT id FROM plugin_whatsapp_campaigns WHERE document_id = $1`, [campaign.documentId])).rows[0].id as number
    );
    await contentApi().delete(`/api/whatsapp/campaigns/${campaign.documentId}`).expect(204);
    const left = await withDb(async (client) =>
      (await client.query(`SELECT count(*)::int AS n FROM plugin_whatsapp_campaign_recipients WHERE campaign_id = $1`, [campaignId])).rows[0].n
    );
    expect(left).toBe(0);
  });
});
