import { adminApi, contentApi, ctx } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import { emulatorControl } from '../helpers/emulator';

/** What the emulator's control API says about a message it holds. */
export type EmulatedMessage = {
  sid: string;
  direction: string;
  from: string | null;
  to: string;
  body: string;
  status: string;
  mediaUrls: string[];
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  statusCallback: string | null;
  errorCode: number | null;
};

const control = emulatorControl;

/** Failure rules are scoped to one recipient so suites running side by side never share them. */
export const injectFailure = (rule: Record<string, unknown> & { to: string }) =>
  control<{ rules: Array<{ id: string; remaining: number }> }>('/failures', { method: 'POST', body: rule });

export const failureRulesFor = async (to: string) => {
  const { rules } = await control<{ rules: Array<{ id: string; to?: string; remaining: number; kind: string }> }>('/failures');
  return rules.filter((rule) => rule.to === to || rule.to === `whatsapp:${to}`);
};

/** Outbound messages the emulator (Twilio) holds for a number. */
export const emulatorMessagesTo = async (e164: string) => {
  const { messages } = await control<{ messages: EmulatedMessage[] }>(
    `/messages?direction=outbound-api&to=${encodeURIComponent(`whatsapp:${e164}`)}`
  );
  return messages;
};

/** The emulator's messages to a number once it holds `count` of them: a send stored by the app reaches Twilio a moment later. */
export const emulatorMessagesOnceSent = async (e164: string, count = 1, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  let messages = await emulatorMessagesTo(e164);
  while (messages.length < count) {
    if (Date.now() > deadline) throw new Error(`the emulator holds ${messages.length} message(s) to ${e164}, not ${count}, after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    messages = await emulatorMessagesTo(e164);
  }
  return messages;
};

/** A template Twilio knows (and has approved) and our copy of it, approved too. */
export const approvedTemplate = async (
  body = 'Hello {{1}}, your interview is on {{2}}.',
  samples: Record<string, string> = { '1': 'Asha', '2': 'Monday' }
) => {
  const name = uniqueName('tpl').toLowerCase();
  const content = await control<{ sid: string }>('/content', {
    method: 'POST',
    body: { friendlyName: name, body, variables: samples, approval: { status: 'approved', name, category: 'UTILITY' } },
  });
  const created = await contentApi().post('/api/whatsapp/templates').send({ data: { name, body, variables: samples } });
  if (created.status !== 201) throw new Error(`template create: ${created.status} ${JSON.stringify(created.body)}`);
  const documentId = created.body.data.documentId as string;
  await setTemplateApproval(documentId, 'approved', content.sid);
  return { documentId, contentSid: content.sid, name, body };
};

export const setTemplateApproval = (documentId: string, approvalStatus: string, contentSid: string | null) =>
  withDb((client) =>
    client.query(`UPDATE plugin_whatsapp_templates SET approval_status = $1, content_sid = $2 WHERE document_id = $3`, [
      approvalStatus,
      contentSid,
      documentId,
    ])
  );

export const createCandidate = async (data: Record<string, unknown>) => {
  const response = await contentApi().post('/api/whatsapp/candidates').send({ data });
  if (response.status !== 201) throw new Error(`candidate create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as { documentId: string; phone: string; optIn: string };
};

/**
 * The candidate wrote to us at `lastInboundAt` (default: an hour ago): their conversation
 * with our sender has that last inbound time. Written as the webhook would leave it.
 */
export const setLastInbound = async (candidateDocumentId: string, lastInboundAt = new Date(Date.now() - 3_600_000)) => {
  const threadKey = `${ctx.whatsappNumber}|${candidateDocumentId}`;
  await withDb(async (client) => {
    const updated = await client.query(
      `UPDATE plugin_whatsapp_conversations SET last_inbound_at = $1, window_expires_at = $2 WHERE thread_key = $3`,
      [lastInboundAt, new Date(lastInboundAt.getTime() + 86_400_000), threadKey]
    );
    if (updated.rowCount) return;
    const inserted = await client.query(
      `INSERT INTO plugin_whatsapp_conversations
         (document_id, sender, status, unread_count, thread_key, last_inbound_at, window_expires_at, created_at, updated_at, published_at)
       VALUES ($1, $2, 'open', 0, $3, $4, $5, now(), now(), now()) RETURNING id`,
      [uniqueName('conv'), ctx.whatsappNumber, threadKey, lastInboundAt, new Date(lastInboundAt.getTime() + 86_400_000)]
    );
    await client.query(
      `INSERT INTO plugin_whatsapp_conversations_candidate_lnk (conversation_id, candidate_id)
       SELECT $1, id FROM plugin_whatsapp_candidates WHERE document_id = $2`,
      [inserted.rows[0].id, candidateDocumentId]
    );
  });
};

export const sendMessage = (data: Record<string, unknown>) => contentApi().post('/api/whatsapp/messages').send({ data });

export const getMessage = async (documentId: string, query: Record<string, string> = {}) => {
  const response = await contentApi().get(`/api/whatsapp/messages/${documentId}`).query(query);
  if (response.status !== 200) throw new Error(`message ${documentId}: ${response.status}`);
  return response.body.data as Record<string, unknown> & { status: string; twilioSid: string | null };
};

/** Polls until `done` accepts the message; fails after timeoutMs with the last state seen. */
export const waitForMessage = async (
  documentId: string,
  done: (message: Awaited<ReturnType<typeof getMessage>>) => boolean,
  timeoutMs = 15_000
) => {
  const deadline = Date.now() + timeoutMs;
  let last = await getMessage(documentId);
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`message ${documentId} never reached the expected state; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await getMessage(documentId);
  }
  return last;
};

export const handedToTwilio = (message: { twilioSid: string | null }) => Boolean(message.twilioSid);
export const hasFailed = (message: { status: string }) => message.status === 'failed';

/** Outbox columns the API keeps private. */
export const outboxRow = (documentId: string) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT send_attempts, send_started_at, send_locked_until, next_attempt_at, last_send_error, status, twilio_sid
         FROM plugin_whatsapp_messages WHERE document_id = $1`,
      [documentId]
    );
    return result.rows[0] as {
      send_attempts: number;
      send_started_at: Date | null;
      send_locked_until: Date | null;
      next_attempt_at: Date | null;
      last_send_error: string | null;
      status: string;
      twilio_sid: string | null;
    };
  });

export const countMessagesTo = (e164: string) =>
  withDb(async (client) => {
    const result = await client.query(`SELECT count(*)::int AS n FROM plugin_whatsapp_messages WHERE "to" = $1`, [`whatsapp:${e164}`]);
    return result.rows[0].n as number;
  });

export { adminApi, contentApi, ctx };

/**
 * Puts `sender`'s token bucket `seconds` of sending at `mps` in debt (as a campaign that booked
 * that far ahead would), on the database's clock as the rate limiter reads it; 0 rests it.
 */
export const oweSendersBucket = (sender: string, mps: number, seconds: number) =>
  withDb((client) =>
    client.query(
      `INSERT INTO plugin_whatsapp_rate_buckets (sender, tokens, updated_at, factor) VALUES ($1, $2, clock_timestamp(), 1)
       ON CONFLICT (sender) DO UPDATE SET tokens = EXCLUDED.tokens, updated_at = EXCLUDED.updated_at, factor = 1, slowed_at = NULL`,
      [sender, -mps * seconds]
    )
  );

/** The pg-boss send jobs (schema `whatsapp_jobs`) of one message, oldest first. */
export const sendJobsOf = (documentId: string) =>
  withDb(async (client) => {
    const result = await client.query(
      `SELECT id, state::text AS state, start_after FROM whatsapp_jobs.job
        WHERE name = 'whatsapp.send-message' AND data->>'messageId' = $1 ORDER BY created_on`,
      [documentId]
    );
    return result.rows as Array<{ id: string; state: string; start_after: Date }>;
  });
