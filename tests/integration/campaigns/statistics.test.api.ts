import crypto from 'node:crypto';
import { parsePhone } from '../../../plugins/whatsapp/server/src/domain/phone';
import {
  campaignAction,
  campaignFor,
  emulatorMessagesByNumber,
  isCompleted,
  sleep,
  useExtraApp,
  uniqueTag,
  waitForCampaign,
  withDb,
} from './helpers';

/**
 * A random `+917NN` under which the numbers 0000000…count - 1 are all mobile numbers. Some of
 * those ranges are landlines (+9179… is Ahmedabad), which a campaign skips: a prefix picked
 * blindly (5 of the 100) made this test fail now and then.
 */
const mobilePrefix = (count: number): string => {
  for (;;) {
    const prefix = `+917${String(crypto.randomInt(0, 100)).padStart(2, '0')}`;
    const numbers = Array.from({ length: count }, (_, index) => parsePhone(`${prefix}${String(index).padStart(7, '0')}`, 'IN'));
    if (numbers.every((parsed) => parsed.ok && parsed.isMobile)) return prefix;
  }
};

/** When each table was last ANALYZEd by hand (autovacuum's own runs are counted apart). */
const lastAnalyzed = (table: string) =>
  withDb(async (client) => {
    const result = await client.query(`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = $1`, [table]);
    return (result.rows[0]?.last_analyze as Date | null | undefined) ?? null;
  });

const waitForAnalyze = async (table: string, since: Date, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await lastAnalyzed(table);
    if ((at && at.getTime() >= since.getTime()) || Date.now() > deadline) return at;
    await sleep(200);
  }
};

describe('a big campaign at full speed (several claims side by side)', () => {
  const sender = '+15005550060';
  // Pacing effectively off: 2,100 messages go out in a few seconds.
  const extra = useExtraApp({ sender, mps: 5_000 });

  it('ANALYZEs the recipients at a launch of 1,000+ and the outbox tables as the messages are written', async () => {
    const tag = uniqueTag();
    // Candidates written in one statement (as an import would): 2,100 through the API would take minutes.
    // +917…: other tests' numbers (helpers/data.ts) start +919, so none is taken.
    const prefix = mobilePrefix(2_100);
    const inserted = await withDb(async (client) =>
      client.query(
        `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, tags, created_at, updated_at, published_at)
         SELECT 'stat' || md5(random()::text || i), 'Candidate ' || i, $2 || lpad(i::text, 7, '0'), 'opted_in',
                jsonb_build_array($1::text), now(), now(), now()
           FROM generate_series(0, 2099) AS i
         ON CONFLICT DO NOTHING`,
        [tag, prefix]
      )
    );
    // A phone another test already holds would make the audience smaller than 2,100.
    expect(inserted.rowCount).toBe(2_100);
    const { campaign } = await campaignFor(tag);
    const launchedAt = new Date(Date.now() - 1_000);
    await campaignAction(campaign.documentId, 'launch', extra.current.url).expect(200);

    expect(await waitForAnalyze('plugin_whatsapp_campaign_recipients', launchedAt)).toEqual(expect.any(Date));
    const done = await waitForCampaign(campaign.documentId, isCompleted, 90_000);
    expect(done.stats).toMatchObject({ total: 2_100, pending: 0, failed: 0 });
    // Claims running side by side never hand a recipient out twice.
    const phones = Array.from({ length: 2_100 }, (_, index) => `${prefix}${String(index).padStart(7, '0')}`);
    const atTwilio = await emulatorMessagesByNumber(phones);
    expect(phones.filter((phone) => atTwilio.get(phone)?.length !== 1)).toEqual([]);
    for (const table of ['plugin_whatsapp_messages', 'plugin_whatsapp_messages_conversation_lnk', 'plugin_whatsapp_conversations']) {
      const at = await waitForAnalyze(table, launchedAt);
      expect({ table, analyzedSinceLaunch: Boolean(at && at.getTime() >= launchedAt.getTime()) }).toEqual({ table, analyzedSinceLaunch: true });
    }
  }, 150_000);
});
