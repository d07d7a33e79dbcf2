import crypto from 'node:crypto';
import http from 'node:http';
import twilio from 'twilio';
import { ctx } from '../helpers/api';
import { withDb } from '../helpers/db';

export const INBOUND_PATH = '/api/whatsapp/webhook';
export const STATUS_PATH = '/api/whatsapp/webhook/status';

/** Our WhatsApp sender in the test app (TWILIO_WHATSAPP_NUMBER). */
export const OUR_NUMBER = ctx.whatsappNumber;

export const newSid = (prefix = 'SM') => `${prefix}${crypto.randomBytes(16).toString('hex')}`;

export type Params = Record<string, string>;

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string; json: unknown };

/**
 * A client address of its own (127.x.y.z all reach the app over loopback): the app rate-limits
 * requests that fail the signature check per address, and each test that sends such requests
 * must not spend another test's allowance.
 */
export const freshClientAddress = () =>
  `127.${crypto.randomInt(1, 255)}.${crypto.randomInt(0, 256)}.${crypto.randomInt(1, 255)}`;

/** One HTTP request with full control of method, headers, raw body and source address. */
export const rawRequest = (
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    let answered = false;
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const request = http.request(
      `${ctx.url}${path}`,
      {
        method: options.method ?? 'POST',
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...options.headers },
        localAddress: options.localAddress ?? freshClientAddress(),
        agent: false,
      },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      }
    );
    // The app may answer (413) and close before a large body is fully written: the answer counts.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body) request.write(body);
    request.end();
  });

export const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

/** What Twilio signs: the public URL with path and query, and every posted parameter. */
export const signatureFor = (path: string, params: Params | Record<string, string | string[]>, url = `${ctx.publicUrl}${path}`) =>
  twilio.getExpectedTwilioSignature(ctx.twilioAuthToken, url, params);

/** A webhook posted the way Twilio posts it: form-encoded and signed with the auth token. */
export const postSigned = (path: string, params: Params, options: { localAddress?: string } = {}) =>
  rawRequest(path, {
    headers: { 'content-type': FORM, 'x-twilio-signature': signatureFor(path, params) },
    body: new URLSearchParams(params).toString(),
    ...options,
  });

export const inboundParams = (overrides: Params & { From: string }): Params => {
  const from = overrides.From.startsWith('whatsapp:') ? overrides.From : `whatsapp:${overrides.From}`;
  const sid = overrides.MessageSid ?? newSid();
  return {
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    AccountSid: ctx.twilioAccountSid,
    To: `whatsapp:${OUR_NUMBER}`,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    WaId: from.replace(/^whatsapp:\+/, ''),
    Body: '',
    ...overrides,
    From: from,
  };
};

export const postInbound = (overrides: Params & { From: string }) => {
  const params = inboundParams(overrides);
  return postSigned(INBOUND_PATH, params).then((response) => ({ response, params }));
};

export const statusPath = (messageDocumentId?: string) =>
  messageDocumentId ? `${STATUS_PATH}?messageId=${encodeURIComponent(messageDocumentId)}` : STATUS_PATH;

export const postStatus = (
  sid: string,
  status: string,
  options: { messageDocumentId?: string; errorCode?: number; errorMessage?: string } = {}
) => {
  const params: Params = {
    AccountSid: ctx.twilioAccountSid,
    ApiVersion: '2010-04-01',
    From: `whatsapp:${OUR_NUMBER}`,
    To: 'whatsapp:+919800000000',
    MessageSid: sid,
    SmsSid: sid,
    MessageStatus: status,
    SmsStatus: status,
    ChannelPrefix: 'whatsapp',
    ...(options.errorCode !== undefined ? { ErrorCode: String(options.errorCode) } : {}),
    ...(options.errorMessage !== undefined ? { ErrorMessage: options.errorMessage } : {}),
  };
  return postSigned(statusPath(options.messageDocumentId), params);
};

/** An outbound message row as the send feature leaves it before Twilio's answer (no SID yet) or after. */
export const insertOutboundMessage = async (options: { twilioSid?: string; status?: string } = {}) => {
  const documentId = `out${crypto.randomBytes(10).toString('hex')}`;
  await withDb((client) =>
    client.query(
      `INSERT INTO plugin_whatsapp_messages (document_id, direction, "to", body, status, twilio_sid, created_at, updated_at, published_at)
       VALUES ($1, 'outbound', '+919800000000', 'Interview at 10', $2, $3, now(), now(), now())`,
      [documentId, options.status ?? 'queued', options.twilioSid ?? null]
    )
  );
  return documentId;
};

export type MessageRow = {
  id: number;
  document_id: string;
  status: string;
  twilio_sid: string | null;
  sent_at: Date | null;
  delivered_at: Date | null;
  read_at: Date | null;
  failed_at: Date | null;
  error_code: number | null;
  error_message: string | null;
  events: Array<{ status: string; at: string; source: string; errorCode?: number; errorMessage?: string }> | null;
};

export const messageByDocumentId = (documentId: string) =>
  withDb(async (client) => (await client.query('SELECT * FROM plugin_whatsapp_messages WHERE document_id = $1', [documentId])).rows[0] as MessageRow | undefined);

export const messageBySid = (sid: string) =>
  withDb(async (client) => (await client.query('SELECT * FROM plugin_whatsapp_messages WHERE twilio_sid = $1', [sid])).rows[0] as MessageRow | undefined);

/**
 * Every plugin row a webhook about these SIDs and phone numbers could have written, table by
 * table. Scoped to the request's own identifiers so that suites running side by side (sends,
 * late emulator callbacks) never change the figures.
 */
export const footprint = (scope: { sids?: string[]; phones?: string[] }) =>
  withDb(async (client) => {
    const sids = scope.sids ?? [];
    const phones = scope.phones ?? [];
    const count = async (sql: string, params: unknown[]) => Number((await client.query(sql, params)).rows[0].n);
    const candidateIds = `SELECT id FROM plugin_whatsapp_candidates WHERE phone = ANY($1)`;
    const messageIds = `SELECT id FROM plugin_whatsapp_messages WHERE twilio_sid = ANY($1)`;
    return {
      messages: await count(`SELECT count(*) AS n FROM plugin_whatsapp_messages WHERE twilio_sid = ANY($1) OR "from" = ANY($2)`, [sids, phones]),
      statusEvents: await count(`SELECT count(*) AS n FROM plugin_whatsapp_status_events WHERE message_sid = ANY($1)`, [sids]),
      candidates: await count(`SELECT count(*) AS n FROM plugin_whatsapp_candidates WHERE phone = ANY($1)`, [phones]),
      conversations: await count(
        `SELECT count(*) AS n FROM plugin_whatsapp_conversations_candidate_lnk WHERE candidate_id IN (${candidateIds})`,
        [phones]
      ),
      messageLinks: await count(
        `SELECT (SELECT count(*) FROM plugin_whatsapp_messages_conversation_lnk WHERE message_id IN (${messageIds}))
              + (SELECT count(*) FROM plugin_whatsapp_messages_candidate_lnk WHERE message_id IN (${messageIds})) AS n`,
        [sids]
      ),
      conversationState: (
        await client.query(
          `SELECT c.unread_count, c.last_message_at, c.last_message_preview, c.updated_at
             FROM plugin_whatsapp_conversations c
             JOIN plugin_whatsapp_conversations_candidate_lnk l ON l.conversation_id = c.id
            WHERE l.candidate_id IN (${candidateIds}) ORDER BY c.id`,
          [phones]
        )
      ).rows,
      candidateState: (
        await client.query(
          `SELECT opt_in, opt_out_at, last_inbound_at, updated_at FROM plugin_whatsapp_candidates WHERE phone = ANY($1) ORDER BY id`,
          [phones]
        )
      ).rows,
    };
  });
