import twilio from 'twilio';
import { rejectionOf, sleep, startHarness, WA_CANDIDATE, WA_SENDER, type Harness } from './helpers';

describe('Messages API through the official SDK', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ autoAdvance: false });
  });
  afterAll(() => h.emulator.stop());
  beforeEach(() => h.emulator.reset());

  it('creates a message with Twilio’s resource shape', async () => {
    const message = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'Hello Asha' });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      accountSid: h.emulator.accountSid,
      apiVersion: '2010-04-01',
      body: 'Hello Asha',
      direction: 'outbound-api',
      errorCode: null,
      errorMessage: null,
      from: WA_SENDER,
      to: WA_CANDIDATE,
      numMedia: '0',
      numSegments: '1',
      price: null,
      priceUnit: 'USD',
      status: 'queued',
      messagingServiceSid: null,
      dateSent: null,
      uri: `/2010-04-01/Accounts/${h.emulator.accountSid}/Messages/${message.sid}.json`,
    });
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Math.abs(message.dateCreated.getTime() - Date.now())).toBeLessThan(5000);
    expect(message.subresourceUris).toHaveProperty('media');
  });

  it('answers in RFC 2822 dates and snake_case on the wire', async () => {
    const created = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'raw' });
    const auth = Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64');
    const response = await fetch(`${h.emulator.url}${created.uri}`, { headers: { Authorization: `Basic ${auth}` } });
    const json = (await response.json()) as Record<string, unknown>;
    expect(json.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(json.account_sid).toBe(h.emulator.accountSid);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('reports accepted when sent through a Messaging Service', async () => {
    const message = await h.client.messages.create({
      to: WA_CANDIDATE,
      messagingServiceSid: `MG${'a'.repeat(32)}`,
      body: 'via service',
    });
    expect(message.status).toBe('accepted');
    expect(message.messagingServiceSid).toBe(`MG${'a'.repeat(32)}`);
    expect(message.from).toBeNull();
  });

  it('keeps media URLs and counts them', async () => {
    const message = await h.client.messages.create({
      to: WA_CANDIDATE,
      from: WA_SENDER,
      mediaUrl: ['https://example.com/a.jpg', 'https://example.com/b.pdf'],
    });
    expect(message.numMedia).toBe('2');
    expect(h.emulator.getMessage(message.sid)?.mediaUrls).toEqual(['https://example.com/a.jpg', 'https://example.com/b.pdf']);
  });

  it('fetches a message and 404s on an unknown or deleted one', async () => {
    const created = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'fetch me' });
    const fetched = await h.client.messages(created.sid).fetch();
    expect(fetched.sid).toBe(created.sid);
    expect(fetched.body).toBe('fetch me');

    await expect(h.client.messages(created.sid).remove()).resolves.toBe(true);
    const error = await rejectionOf(h.client.messages(created.sid).fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 404, code: 20404, moreInfo: 'https://www.twilio.com/docs/errors/20404' });
    expect(String(error.message)).toContain(created.sid);
  });

  it('lists newest first, filtered by To and From, across pages', async () => {
    const other = 'whatsapp:+447700900123';
    const sids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      sids.push((await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: `m${i}` })).sid);
    }
    await h.client.messages.create({ to: other, from: WA_SENDER, body: 'not mine' });

    const all = await h.client.messages.list({ to: WA_CANDIDATE, pageSize: 2 });
    expect(all.map((m) => m.sid)).toEqual([...sids].reverse());

    const firstPage = await h.client.messages.page({ to: WA_CANDIDATE, pageSize: 2 });
    expect(firstPage.instances).toHaveLength(2);
    expect(firstPage.nextPageUrl).toContain('PageToken=PA');
    const secondPage = await firstPage.nextPage();
    expect(secondPage?.instances.map((m) => m.sid)).toEqual([sids[2], sids[1]]);
    const thirdPage = await secondPage?.nextPage();
    expect(thirdPage?.instances.map((m) => m.sid)).toEqual([sids[0]]);
    expect(thirdPage?.nextPageUrl).toBeUndefined();
    const back = await thirdPage?.previousPage();
    expect(back?.instances.map((m) => m.sid)).toEqual([sids[2], sids[1]]);

    const seen: string[] = [];
    await h.client.messages.each({ from: WA_SENDER, pageSize: 4 }, (m) => {
      seen.push(m.sid);
    });
    expect(seen).toHaveLength(6);

    expect(await h.client.messages.list({ to: other })).toHaveLength(1);
    expect(await h.client.messages.list({ from: 'whatsapp:+10000000000' })).toHaveLength(0);
    // Twilio's filters match the address exactly, channel prefix included.
    expect(await h.client.messages.list({ to: '+919876543210' })).toHaveLength(0);
  });

  it('filters on DateSent with before/after bounds', async () => {
    const first = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'early' });
    await sleep(1100);
    const boundary = new Date();
    const second = await h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'late' });

    const after = await h.client.messages.list({ to: WA_CANDIDATE, dateSentAfter: boundary });
    expect(after.map((m) => m.sid)).toEqual([second.sid]);
    const before = await h.client.messages.list({ to: WA_CANDIDATE, dateSentBefore: new Date(boundary.getTime() - 1000) });
    expect(before.map((m) => m.sid)).toEqual([first.sid]);
    expect(await h.client.messages.list({ dateSentAfter: new Date(Date.now() + 60_000) })).toHaveLength(0);
    const exact = await h.client.messages.list({ dateSent: second.dateCreated });
    expect(exact.map((m) => m.sid)).toEqual([second.sid]);
  });

  it('refuses wrong credentials with 401 / 20003', async () => {
    const error = await rejectionOf(
      h.clientWith({ authToken: 'f'.repeat(32) }).messages.create({ to: WA_CANDIDATE, from: WA_SENDER, body: 'x' }),
    );
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003, message: 'Authenticate' });
    expect(h.emulator.listMessages()).toHaveLength(0);
  });

  it('refuses the right credentials used on another account’s URL', async () => {
    const auth = Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64');
    const response = await fetch(`${h.emulator.url}/2010-04-01/Accounts/AC${'0'.repeat(32)}/Messages.json`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  describe('validation, with Twilio’s codes', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['an empty To', { to: '', from: WA_SENDER, body: 'x' }, 21604],
      ['no From and no MessagingServiceSid', { to: WA_CANDIDATE, body: 'x' }, 21603],
      ['no Body, MediaUrl or ContentSid', { to: WA_CANDIDATE, from: WA_SENDER }, 21619],
      ['a To that is not E.164', { to: 'whatsapp:98765', from: WA_SENDER, body: 'x' }, 21211],
      ['a To with letters', { to: '+91abc', from: WA_SENDER, body: 'x' }, 21211],
      ['a WhatsApp From with an SMS To', { to: '+919876543210', from: WA_SENDER, body: 'x' }, 21910],
      ['an unknown ContentSid', { to: WA_CANDIDATE, from: WA_SENDER, contentSid: `HX${'0'.repeat(32)}` }, 21655],
      ['a malformed ContentSid', { to: WA_CANDIDATE, from: WA_SENDER, contentSid: 'HXnope' }, 21655],
      ['a body over 1600 characters', { to: WA_CANDIDATE, from: WA_SENDER, body: 'x'.repeat(1601) }, 21617],
      ['a relative media URL', { to: WA_CANDIDATE, from: WA_SENDER, mediaUrl: ['/a.jpg'] }, 21620],
      ['a bad StatusCallback', { to: WA_CANDIDATE, from: WA_SENDER, body: 'x', statusCallback: 'nope' }, 21609],
      ['a bad MessagingServiceSid', { to: WA_CANDIDATE, messagingServiceSid: 'MG1', body: 'x' }, 21701],
    ];

    it.each(cases)('rejects %s', async (_name, params, code) => {
      const error = await rejectionOf(h.client.messages.create(params as never));
      expect(error).toBeInstanceOf(twilio.RestException);
      expect(error).toMatchObject({ status: 400, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
      expect(typeof error.message).toBe('string');
      expect(h.emulator.listMessages()).toHaveLength(0);
    });

    it('rejects ContentVariables that are not a JSON object (21656)', async () => {
      const content = h.emulator.seedContent({ body: 'Hi {{1}}', approval: 'approved' });
      for (const contentVariables of ['not json', '[1,2]', '{"1":{"nested":true}}']) {
        const error = await rejectionOf(
          h.client.messages.create({ to: WA_CANDIDATE, from: WA_SENDER, contentSid: content.sid, contentVariables }),
        );
        expect(error).toMatchObject({ status: 400, code: 21656 });
      }
    });

    it('names the bad number in the 21211 message', async () => {
      const error = await rejectionOf(h.client.messages.create({ to: 'whatsapp:+1', from: WA_SENDER, body: 'x' }));
      expect(error.message).toBe("Invalid 'To' Phone Number: whatsapp:+1");
    });
  });

  it('renders a template sent by ContentSid into the message body', async () => {
    const content = h.emulator.seedContent({
      body: 'Hi {{1}}, your interview is on {{2}}',
      variables: { '1': 'there', '2': 'Monday' },
      approval: 'approved',
    });
    const message = await h.client.messages.create({
      to: WA_CANDIDATE,
      from: WA_SENDER,
      contentSid: content.sid,
      contentVariables: JSON.stringify({ '1': 'Asha' }),
    });
    expect(message.body).toBe('Hi Asha, your interview is on Monday');
    expect(h.emulator.getMessage(message.sid)).toMatchObject({ contentSid: content.sid, contentVariables: { '1': 'Asha' } });
  });

  it('answers 405 for an unsupported method and 404 for an unknown path, with Twilio’s body', async () => {
    const auth = Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64');
    const base = `${h.emulator.url}/2010-04-01/Accounts/${h.emulator.accountSid}`;
    const put = await fetch(`${base}/Messages.json`, { method: 'PUT', headers: { Authorization: `Basic ${auth}` } });
    expect(put.status).toBe(405);
    expect(await put.json()).toMatchObject({ code: 20004, status: 405 });
    const calls = await fetch(`${base}/Calls.json`, { headers: { Authorization: `Basic ${auth}` } });
    expect(calls.status).toBe(404);
    expect(await calls.json()).toMatchObject({ code: 20404, status: 404 });
  });
});
