import {
  campaignAction,
  campaignFor,
  campaignMessages,
  createCandidates,
  emulatorMessagesByNumber,
  isCompleted,
  startExtraApp,
  uniqueTag,
  waitForCampaign,
  type ExtraApp,
} from './helpers';
import { busiestWindow, secondOf as secondOfDate } from '../helpers/pace';

describe('two app instances on one database run one campaign together', () => {
  const sender = '+15005550040';
  const mps = 20;
  // Short dispatcher runs, so the work passes between the two instances many times.
  const env = { WHATSAPP_CAMPAIGN_RUN_SECONDS: '2' };
  const apps: ExtraApp[] = [];

  beforeAll(async () => {
    apps.push(await startExtraApp({ sender, mps, env }));
    apps.push(await startExtraApp({ sender, mps, env }));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.app.stop()));
  });

  it(`sends each recipient exactly once, from both instances, never faster than WHATSAPP_MPS (${mps}/s) + 5 %`, async () => {
    const count = 200;
    const tag = uniqueTag();
    const people = await createCandidates(count, tag);
    const phones = people.map((person) => person.phone);
    const { campaign } = await campaignFor(tag);
    await campaignAction(campaign.documentId, 'launch', apps[0]!.url).expect(200);
    await waitForCampaign(campaign.documentId, isCompleted, 90_000);

    const atTwilio = await emulatorMessagesByNumber(phones);
    for (const phone of phones) expect(atTwilio.get(phone)).toHaveLength(1);
    const messages = [...atTwilio.values()].flat();
    expect(await campaignMessages(campaign.documentId)).toHaveLength(count);

    // Each instance gives its own URL as StatusCallback: both sent part of the campaign.
    const fromInstance = (app: ExtraApp) => messages.filter((message) => message.statusCallback?.startsWith(`${app.url}/`));
    const byInstance = apps.map((app) => fromInstance(app).length);
    const secondOf = (message: { dateCreated: string }) => secondOfDate(message.dateCreated);
    const seconds = messages.map(secondOf);
    const window = 5;
    const first = Math.min(...seconds);
    const span = Math.max(...seconds) - first + 1;
    // Printed before the checks, so a failure shows how the sends fell: each second's, per instance.
    const perSecond = Array.from({ length: span }, (_, offset) =>
      apps.map((app) => fromInstance(app).filter((message) => secondOf(message) === first + offset).length).join('+')
    );
    process.stdout.write(
      `[campaign two-instances] ${count} messages in ${span} s (${(count / span).toFixed(1)}/s, limit ${mps}/s); busiest ${window} s: ${busiestWindow(seconds, window)}; per instance: ${byInstance.join(' + ')}; per second: ${perSecond.join(' ')}\n`
    );
    expect(byInstance.reduce((sum, n) => sum + n, 0)).toBe(count);
    for (const sent of byInstance) expect(sent).toBeGreaterThan(0);

    // The pace, from Twilio's creation times (whole seconds): in any 5 consecutive seconds at
    // most 5 × MPS + 5 %, and the campaign as a whole no faster than MPS either.
    expect(busiestWindow(seconds, window)).toBeLessThanOrEqual(Math.floor(mps * window * 1.05));
    expect(count / span).toBeLessThanOrEqual(mps * 1.05);
    // …and not crawling either: the two together keep at least half the allowed pace.
    expect(count / span).toBeGreaterThanOrEqual(mps / 2);
  }, 180_000);
});
