import { rejectionOf, startHarness, type Harness } from './helpers';

describe('Account fetch (what a "test connection" calls)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emulator.stop());
  beforeEach(() => h.emulator.reset());

  it('returns the account with Twilio’s resource shape', async () => {
    const account = await h.client.api.v2010.accounts(h.emulator.accountSid).fetch();
    expect(account).toMatchObject({
      sid: h.emulator.accountSid,
      ownerAccountSid: h.emulator.accountSid,
      status: 'active',
      type: 'Full',
      friendlyName: expect.any(String),
      uri: `/2010-04-01/Accounts/${h.emulator.accountSid}.json`,
    });
    expect(account.dateCreated).toBeInstanceOf(Date);
  });

  it('answers a wrong auth token with 401 / 20003', async () => {
    const error = await rejectionOf(h.clientWith({ authToken: 'wrong-token' }).api.v2010.accounts(h.emulator.accountSid).fetch());
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });

  it('answers another account’s SID with 401 / 20003, as Twilio does for credentials of another account', async () => {
    const other = `AC${'0'.repeat(32)}`;
    const error = await rejectionOf(h.client.api.v2010.accounts(other).fetch());
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });

  it('can be told to fail', async () => {
    h.emulator.injectFailure({ kind: 'http500', on: 'fetch' });
    const error = await rejectionOf(h.client.api.v2010.accounts(h.emulator.accountSid).fetch());
    expect(error).toMatchObject({ status: 500 });
    await expect(h.client.api.v2010.accounts(h.emulator.accountSid).fetch()).resolves.toMatchObject({ status: 'active' });
  });
});
