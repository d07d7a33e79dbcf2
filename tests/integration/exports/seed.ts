import type { Client } from 'pg';

/**
 * A campaign's recipients written with SQL, as a launch and its status callbacks would leave them
 * (a real 10,000-message run through the emulator takes minutes). Recipient i (1…count), by i % 10:
 * 0 delivered, 1 read (every 20th of those replied 30 minutes later), 2 failed 63016,
 * 3 undelivered 30008, 4 sent, 5 queued, 6 failed with an unknown code 12345, 7 delivered,
 * 8 skipped (opted out), 9 waiting. Times start two hours ago, one second apart.
 */
export type SeededCampaign = { count: number; candidates: number; messages: number; replies: number };

const OUTCOME = `CASE s.i % 10 WHEN 0 THEN 'delivered' WHEN 1 THEN 'read' WHEN 2 THEN 'failed' WHEN 3 THEN 'undelivered'
                  WHEN 4 THEN 'sent' WHEN 5 THEN 'queued' WHEN 6 THEN 'failed' WHEN 7 THEN 'delivered' END`;

export const seedCampaignRecipients = async (
  client: Client,
  input: { campaignDocumentId: string; count: number; key: string; phonePrefix: string; base?: Date }
): Promise<SeededCampaign> => {
  const { key, count } = input;
  const base = input.base ?? new Date(Date.now() - 2 * 3_600_000);
  const campaign = (await client.query(`SELECT id FROM plugin_whatsapp_campaigns WHERE document_id = $1`, [input.campaignDocumentId])).rows[0] as { id: number } | undefined;
  if (!campaign) throw new Error(`no campaign ${input.campaignDocumentId}`);
  const params = [key, count, input.phonePrefix, base.toISOString()];
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE seed_rows ON COMMIT DROP AS
      SELECT s.i, $1::text || 'c' || s.i AS candidate_doc, $1::text || 'm' || s.i AS message_doc,
             $3::text || lpad(s.i::text, 7, '0') AS phone,
             (CAST($4 AS timestamptz) AT TIME ZONE 'UTC') + make_interval(secs => s.i) AS at,
             ${OUTCOME} AS status
        FROM generate_series(1, $2::int) AS s(i)`, params);
    const candidates = await client.query(
      `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, tags, created_at, updated_at, published_at)
       SELECT candidate_doc, 'Export ' || i, phone, CASE WHEN i % 10 = 8 THEN 'opted_out' ELSE 'opted_in' END, '[]'::jsonb, at, at, at
         FROM seed_rows`
    );
    const messages = await client.query(
      `INSERT INTO plugin_whatsapp_messages (document_id, direction, "from", "to", body, status, twilio_sid, error_code, error_message,
                                             sent_at, delivered_at, read_at, failed_at, created_at, updated_at, published_at)
       SELECT message_doc, 'outbound', 'whatsapp:+15005550006', 'whatsapp:' || phone, 'Hi Export ' || i, status,
              CASE WHEN status <> 'queued' THEN 'SM' || md5(message_doc) END,
              CASE WHEN i % 10 = 2 THEN 63016 WHEN i % 10 = 3 THEN 30008 WHEN i % 10 = 6 THEN 12345 END,
              CASE WHEN i % 10 = 6 THEN 'Something odd' END,
              CASE WHEN status IN ('sent', 'delivered', 'read', 'undelivered') THEN at + interval '1 second' END,
              CASE WHEN status IN ('delivered', 'read') THEN at + interval '5 seconds' END,
              CASE WHEN status = 'read' THEN at + interval '65 seconds' END,
              CASE WHEN status IN ('failed', 'undelivered') THEN at + interval '3 seconds' END,
              at, at, at
         FROM seed_rows WHERE status IS NOT NULL`
    );
    // Every 20th read recipient wrote back half an hour later.
    const replies = await client.query(
      `INSERT INTO plugin_whatsapp_messages (document_id, direction, "from", "to", body, status, created_at, updated_at, published_at)
       SELECT $1::text || 'r' || i, 'inbound', 'whatsapp:' || phone, 'whatsapp:+15005550006', 'Yes, I will come', 'received',
              at + interval '30 minutes', at + interval '30 minutes', at + interval '30 minutes'
         FROM seed_rows WHERE i % 200 = 1`,
      [key]
    );
    await client.query(
      `INSERT INTO plugin_whatsapp_messages_candidate_lnk (message_id, candidate_id)
       SELECT m.id, c.id FROM seed_rows s
         JOIN plugin_whatsapp_candidates c ON c.document_id = s.candidate_doc
         JOIN plugin_whatsapp_messages m ON m.document_id IN (s.message_doc, $1::text || 'r' || s.i)`,
      [key]
    );
    await client.query(
      `INSERT INTO plugin_whatsapp_messages_campaign_lnk (message_id, campaign_id)
       SELECT m.id, $1::int FROM seed_rows s JOIN plugin_whatsapp_messages m ON m.document_id = s.message_doc`,
      [campaign.id]
    );
    await client.query(
      `INSERT INTO plugin_whatsapp_campaign_recipients
         (campaign_id, candidate_id, sender, template_id, state, skip_reason, skip_detail, message_id, dispatched_at, created_at, updated_at)
       SELECT $1::int, c.id, '+15005550006', 0,
              CASE s.i % 10 WHEN 8 THEN 'skipped' WHEN 9 THEN 'waiting' ELSE 'dispatched' END,
              CASE WHEN s.i % 10 = 8 THEN 'opted_out' END,
              CASE WHEN s.i % 10 = 8 THEN 'The candidate opted out of WhatsApp messages.' END,
              m.id, CASE WHEN m.id IS NOT NULL THEN s.at END, s.at, s.at
         FROM seed_rows s
         JOIN plugin_whatsapp_candidates c ON c.document_id = s.candidate_doc
         LEFT JOIN plugin_whatsapp_messages m ON m.document_id = s.message_doc
        ORDER BY s.i`,
      [campaign.id]
    );
    await client.query('COMMIT');
    return { count, candidates: candidates.rowCount ?? 0, messages: messages.rowCount ?? 0, replies: replies.rowCount ?? 0 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
};

const SEEDED_TABLES = [
  'plugin_whatsapp_messages',
  'plugin_whatsapp_messages_candidate_lnk',
  'plugin_whatsapp_messages_campaign_lnk',
  'plugin_whatsapp_candidates',
  'plugin_whatsapp_campaign_recipients',
];

/**
 * Removes what seedCampaignRecipients wrote, and refreshes those tables' statistics: its messages
 * carry SIDs Twilio never issued (a status sync over everything would count them as errors), and
 * thousands of rows left behind would change how later tests see the tables' sizes.
 */
export const removeSeededRecipients = async (client: Client, input: { campaignDocumentId: string; key: string }) => {
  const messages = `SELECT id FROM plugin_whatsapp_messages WHERE document_id LIKE $1 || 'm%' OR document_id LIKE $1 || 'r%'`;
  await client.query('BEGIN');
  try {
    await client.query(
      `DELETE FROM plugin_whatsapp_campaign_recipients WHERE campaign_id = (SELECT id FROM plugin_whatsapp_campaigns WHERE document_id = $1)`,
      [input.campaignDocumentId]
    );
    await client.query(`DELETE FROM plugin_whatsapp_messages_candidate_lnk WHERE message_id IN (${messages})`, [input.key]);
    await client.query(`DELETE FROM plugin_whatsapp_messages_campaign_lnk WHERE message_id IN (${messages})`, [input.key]);
    await client.query(`DELETE FROM plugin_whatsapp_messages WHERE id IN (${messages})`, [input.key]);
    await client.query(`DELETE FROM plugin_whatsapp_candidates WHERE document_id LIKE $1 || 'c%'`, [input.key]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query(`ANALYZE ${SEEDED_TABLES.join(', ')}`);
};
