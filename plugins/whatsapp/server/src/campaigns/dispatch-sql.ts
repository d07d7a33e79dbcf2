import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, PLAIN_TABLE } from '../constants';
import { LINK, LINK_TABLE, TABLE, defaultColumns, insertLinkRowsSql, jsonParam, threadLinkCtes, upsertConversationsSql, type DefaultColumns } from '../database/strapi-tables';
import type { SkipReason } from '../../../shared/campaigns';
import { jsonColumn, rowsOf } from '../database/sql-row';
import { prepareStatement, runPreparedOn, type PreparedStatement } from '../database/prepared-statement';

/**
 * What the campaign dispatcher reads and writes. Why SQL and not the Document Service:
 *
 * - claims take a sender's waiting recipients with `FOR UPDATE SKIP LOCKED`, so two dispatchers
 *   (which the advisory lock below already prevents) could still never take the same recipient;
 * - a claimed batch becomes outbox messages in one statement, with their conversations and the
 *   link-table rows the Document Service would write, in the transaction that holds the claim:
 *   a recipient gets its message exactly once, and a crash leaves either both or neither;
 * - completion and orphan checks are set queries over thousands of recipients.
 */

const R = PLAIN_TABLE.campaignRecipient;
const M = TABLE.message;
const C = TABLE.campaign;

type Row = Record<string, unknown>;

export type ClaimedRecipient = {
  id: number;
  campaignId: number;
  candidateId: number;
  candidateDocumentId: string | null;
  phone: string | null;
  optIn: string | null;
  templateId: number;
  templateBody: string | null;
  contentSid: string | null;
  variables: Record<string, string> | null;
  retryOfMessageId: number | null;
};

export type MessageToCreate = {
  recipientId: number;
  campaignId: number;
  candidateId: number;
  candidateDocumentId: string;
  templateId: number;
  retryOfMessageId: number | null;
  messageDocumentId: string;
  conversationDocumentId: string;
  to: string;
  variables: Record<string, string> | null;
  preview: string;
};

export type RecipientSkip = { recipientId: number; reason: SkipReason; detail: string };

export type RunningCampaign = {
  id: number;
  documentId: string;
  template: {
    documentId: string;
    name: string;
    approvalStatus: string;
    contentSid: string | null;
    rejectionReason: string | null;
    deletedAtTwilio: Date | null;
  } | null;
};

const MESSAGE_COLUMNS = [
  'document_id', 'direction', 'status', 'from', 'to', 'variables', 'send_attempts', 'send_started_at', 'send_locked_until',
  'created_at', 'updated_at', 'published_at', 'actor_type', 'actor_id', 'actor_name',
];
const CONVERSATION_COLUMNS = [
  'document_id', 'sender', 'status', 'last_message_at', 'last_message_preview', 'unread_count', 'thread_key', 'created_at', 'updated_at', 'published_at',
];

/**
 * One claimed batch into the outbox: conversations upserted by thread key (one per candidate and
 * sender, as sending/outbound.ts keys them), messages `pending` with their relations, and each
 * recipient pointed at its message. Written in a fixed order (thread key) like the inbound
 * statement, so it never deadlocks with a webhook touching the same conversations. Exported for
 * the test of how it reaches the recipients.
 */
export const materializeSql = (message: DefaultColumns, conversation: DefaultColumns) => `
WITH input AS (
  SELECT * FROM unnest(
    CAST(:recipientIds AS bigint[]), CAST(:campaignIds AS integer[]), CAST(:candidateIds AS integer[]),
    CAST(:candidateDocumentIds AS varchar[]), CAST(:templateIds AS integer[]), CAST(:retryOfIds AS integer[]),
    CAST(:messageDocumentIds AS varchar[]), CAST(:conversationDocumentIds AS varchar[]), CAST(:tos AS varchar[]),
    CAST(:variables AS jsonb[]), CAST(:previews AS varchar[])
  ) WITH ORDINALITY AS t(recipient_id, campaign_id, candidate_id, candidate_document_id, template_id, retry_of_id,
                         message_document_id, conversation_document_id, to_address, variables, preview, ord)
),
by_thread AS (
  SELECT DISTINCT ON (thread_key) thread_key, conversation_document_id, preview
  FROM (SELECT CAST(:sender AS varchar) || '|' || candidate_document_id AS thread_key, conversation_document_id, preview, ord FROM input) AS keyed
  ORDER BY thread_key, ord DESC
),
conversation AS (
  ${upsertConversationsSql({ from: 'by_thread', sender: 'CAST(:sender AS varchar)', defaults: conversation })}
),
new_message AS (
  INSERT INTO ${M} (document_id, direction, status, "from", "to", variables, send_attempts, send_started_at, send_locked_until,
                    created_at, updated_at, published_at, actor_type, actor_id, actor_name${message.columns})
  -- Given a lease, the messages are claimed for their first attempt as they are written
  -- (what sending/batch-outbox-sql.ts claimFresh does later otherwise).
  SELECT message_document_id, 'outbound', 'pending', CAST(:from AS varchar), to_address, variables,
         CASE WHEN CAST(:leaseSeconds AS integer) IS NULL THEN 0 ELSE 1 END,
         CASE WHEN CAST(:leaseSeconds AS integer) IS NULL THEN NULL ELSE now() END,
         CASE WHEN CAST(:leaseSeconds AS integer) IS NULL THEN NULL ELSE now() + make_interval(secs => CAST(:leaseSeconds AS integer)) END,
         CAST(:now AS timestamp), CAST(:now AS timestamp), CAST(:now AS timestamp),
         -- The campaign caused these messages, its retried failures too (audit).
         'campaign', actor_campaign.document_id, actor_campaign.name${message.values}
  FROM input LEFT JOIN ${C} actor_campaign ON actor_campaign.id = input.campaign_id
  ORDER BY ord
  RETURNING id, document_id
),
placed AS (
  SELECT input.*, new_message.id AS message_id, conversation.id AS conversation_id, conversation.inserted
  FROM input
  JOIN new_message ON new_message.document_id = input.message_document_id
  JOIN conversation ON conversation.thread_key = CAST(:sender AS varchar) || '|' || input.candidate_document_id
),
${threadLinkCtes('placed')},
message_campaign AS (
  ${insertLinkRowsSql(LINK.messageCampaign, { from: 'placed', ownerId: 'message_id', targetId: 'campaign_id' })}
),
message_template AS (
  ${insertLinkRowsSql(LINK.messageTemplate, { from: 'placed', ownerId: 'message_id', targetId: 'template_id' })}
),
message_retry_of AS (
  ${insertLinkRowsSql(LINK.messageRetryOf, {
    from: 'placed',
    ownerId: 'message_id',
    targetId: 'retry_of_id',
    where: `retry_of_id IS NOT NULL AND EXISTS (SELECT 1 FROM ${M} old WHERE old.id = link_source.retry_of_id)`,
  })}
),
recipient AS (
  UPDATE ${R} AS r SET state = 'dispatched', message_id = placed.message_id, retry_of_message_id = NULL,
                       dispatched_at = CAST(:now AS timestamp), updated_at = CAST(:now AS timestamp)
  FROM placed
  -- The id list lets the planner look the batch up by primary key: joined to the CTE alone it
  -- hashed the whole recipients table on every batch (O(recipients) per batch, bench/campaign).
  WHERE r.id = placed.recipient_id AND r.id = ANY(CAST(:recipientIds AS bigint[]))
)
SELECT recipient_id, message_id, message_document_id FROM placed ORDER BY ord
`;

/**
 * The sender's (binding) oldest running campaign with recipients waiting, found by its first
 * waiting recipient in the queue index (an EXISTS may scan the campaign's other recipients).
 * Locked FOR SHARE until the transaction ends: waits for a pause or cancel in progress, then sees
 * its new state, so actions and claims never interleave.
 */
export const CLAIM_CAMPAIGN_SQL = `SELECT c.id FROM ${C} c
  CROSS JOIN LATERAL (SELECT 1 FROM ${R} w WHERE w.sender = ? AND w.campaign_id = c.id AND w.state = 'waiting'
                       ORDER BY w.id + 0 LIMIT 1) AS first_waiting
  WHERE c.state = 'running'
  ORDER BY c.started_at, c.id LIMIT 1
  FOR SHARE OF c`;

/**
 * Up to `limit` waiting recipients of that campaign (bindings: sender, campaign id, limit), locked
 * until the transaction ends; rows another transaction holds are skipped, not waited for.
 *
 * A statement of its own, with the campaign as a value: Postgres then plans it knowing how many
 * recipients that campaign has. With the campaign from a subquery, it guessed an average
 * campaign's share and could pick the (campaign, candidate) index, reading every recipient of the
 * campaign on each claim. Ordered by (id + 0), an order only the waiting queue index has: ordered
 * by id, it took the dispatched recipients for spread evenly among the waiting ones and walked the
 * primary key past all of them. Either way a claim cost O(recipients), a campaign O(n²)
 * (bench/campaign). Exported for the test that checks a claim reads only its batch.
 */
export const CLAIM_SQL = `SELECT r.id, r.campaign_id, r.candidate_id, r.template_id, r.variables, r.retry_of_message_id,
       cand.document_id AS candidate_document_id, cand.phone, cand.opt_in, t.body AS template_body, t.content_sid
  FROM ${R} r
  LEFT JOIN ${TABLE.candidate} cand ON cand.id = r.candidate_id
  LEFT JOIN ${TABLE.template} t ON t.id = r.template_id
 WHERE r.sender = ? AND r.campaign_id = ? AND r.state = 'waiting'
 ORDER BY r.id + 0
 LIMIT ?
 FOR UPDATE OF r SKIP LOCKED`;

/** Statistics are refreshed for tables of at least this many rows… */
const STALE_STATISTICS_ROWS = 500;
/** …that hold this many times the rows they held when their statistics were taken. */
const STALE_STATISTICS_GROWTH = 1.5;

/** Sent, failed for good, or otherwise out of the outbox's hands (the negation of its claim rule). */
const UNDONE_MESSAGE = `(m.twilio_sid IS NULL AND (m.status = 'pending' OR m.send_started_at IS NOT NULL))`;

// A named prepared statement: planning these ten CTEs took about as long as running them for a
// batch of 250 (bench/campaign).
const statements = new WeakMap<Core.Strapi, { statement: PreparedStatement; defaults: Record<string, unknown> }>();

const materializeStatement = (strapi: Core.Strapi) => {
  let statement = statements.get(strapi);
  if (!statement) {
    const message = defaultColumns(strapi, UID.message, MESSAGE_COLUMNS, 'message');
    const conversation = defaultColumns(strapi, UID.conversation, CONVERSATION_COLUMNS, 'conversation');
    statement = {
      statement: prepareStatement('whatsapp_campaign_materialize', materializeSql(message, conversation)),
      defaults: { ...message.params, ...conversation.params },
    };
    statements.set(strapi, statement);
  }
  return statement;
};

export const createCampaignDispatchRepository = (strapi: Core.Strapi) => {
  const db = (trx?: Knex.Transaction): Knex => (trx ?? strapi.db.connection) as Knex;

  return {
    /**
     * Refreshes the planner statistics of the tables a dispatch fills that outgrew them. A
     * campaign grows them faster than autovacuum looks (a minute apart, and only past 10 %
     * growth), and with statistics of a small table the planner scans where it should look up: on
     * a fresh install, the lookups of the send's bookkeeping slowed from about 1 ms to 50 ms per
     * batch (bench/campaign). ANALYZE reads a sample and blocks no reader or writer, but it is not
     * free (nine tables cost some 170 ms of database time each round), so only tables with
     * STALE_STATISTICS_ROWS rows or more that grew by half since their statistics were taken are
     * analyzed. The row counts PostgreSQL keeps lag behind by a second or more, so `written` (the
     * messages this dispatcher run wrote) stands in for them where it is larger, in the tables
     * that get a row per message. Returns the tables analyzed.
     */
    async analyzeOutbox(written: number): Promise<string[]> {
      const perMessage = [
        TABLE.message, TABLE.statusEvent,
        LINK_TABLE.messageConversation, LINK_TABLE.messageCandidate, LINK_TABLE.messageCampaign, LINK_TABLE.messageTemplate,
      ];
      const others = [TABLE.conversation, R, LINK_TABLE.conversationCandidate];
      const tables: Array<[name: string, rowsAtLeast: number]> = [
        ...perMessage.map((name): [string, number] => [name, written]),
        ...others.map((name): [string, number] => [name, 0]),
      ];
      const result = await db().raw(
        `SELECT c.relname
           FROM unnest(CAST(? AS text[]), CAST(? AS bigint[])) AS t(name, written)
           JOIN pg_class c ON c.oid = to_regclass(t.name)
           JOIN pg_stat_user_tables s ON s.relid = c.oid
          WHERE GREATEST(s.n_live_tup, t.written) >= ?
            AND GREATEST(s.n_live_tup, t.written) > ? * GREATEST(c.reltuples, 0)`,
        [tables.map(([name]) => name), tables.map(([, rows]) => rows), STALE_STATISTICS_ROWS, STALE_STATISTICS_GROWTH]
      );
      const stale = rowsOf(result).map((row) => String(row.relname));
      if (stale.length > 0) await db().raw(`ANALYZE ${stale.join(', ')}`);
      return stale;
    },

    /** The sender's running campaigns, with what is needed to tell whether their template can still be sent. */
    async runningCampaigns(sender: string): Promise<RunningCampaign[]> {
      const result = await db().raw(
        `SELECT c.id, c.document_id, t.document_id AS template_document_id, t.name AS template_name,
                t.approval_status, t.content_sid, t.rejection_reason, t.deleted_at_twilio
           FROM ${C} c
           LEFT JOIN LATERAL (SELECT template_id FROM ${R} WHERE campaign_id = c.id AND sender = ? LIMIT 1) AS rt ON true
           LEFT JOIN ${TABLE.template} t ON t.id = rt.template_id
          WHERE c.state = 'running' AND rt.template_id IS NOT NULL
          ORDER BY c.started_at, c.id`,
        [sender]
      );
      return rowsOf(result).map((row) => ({
        id: Number(row.id),
        documentId: String(row.document_id),
        template: row.template_document_id
          ? {
              documentId: String(row.template_document_id),
              name: String(row.template_name ?? ''),
              approvalStatus: String(row.approval_status ?? 'draft'),
              contentSid: (row.content_sid as string | null) ?? null,
              rejectionReason: (row.rejection_reason as string | null) ?? null,
              deletedAtTwilio: (row.deleted_at_twilio as Date | null) ?? null,
            }
          : null,
      }));
    },

    /** Up to `limit` waiting recipients of the sender's oldest running campaign, locked until `trx` ends. */
    async claim(trx: Knex.Transaction, sender: string, limit: number): Promise<ClaimedRecipient[]> {
      const campaign = rowsOf(await db(trx).raw(CLAIM_CAMPAIGN_SQL, [sender]))[0];
      if (!campaign) return [];
      const result = await db(trx).raw(CLAIM_SQL, [sender, Number(campaign.id), limit]);
      return rowsOf(result).map((row) => ({
        id: Number(row.id),
        campaignId: Number(row.campaign_id),
        candidateId: Number(row.candidate_id),
        candidateDocumentId: (row.candidate_document_id as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        optIn: (row.opt_in as string | null) ?? null,
        templateId: Number(row.template_id),
        templateBody: (row.template_body as string | null) ?? null,
        contentSid: (row.content_sid as string | null) ?? null,
        variables: jsonColumn<Record<string, string>>(row.variables),
        retryOfMessageId: row.retry_of_message_id === null || row.retry_of_message_id === undefined ? null : Number(row.retry_of_message_id),
      }));
    },

    /** Claimed recipients that turned out unsendable when their turn came (opted out since, bad number). */
    async markSkipped(trx: Knex.Transaction, skips: RecipientSkip[]): Promise<void> {
      if (skips.length === 0) return;
      await db(trx).raw(
        `UPDATE ${R} AS r SET state = 'skipped', skip_reason = t.reason, skip_detail = t.detail, updated_at = now()
           FROM unnest(CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS text[])) AS t(id, reason, detail)
          WHERE r.id = t.id`,
        [skips.map((skip) => skip.recipientId), skips.map((skip) => skip.reason), skips.map((skip) => skip.detail)]
      );
    },

    /** Writes the batch's messages (see materializeSql); returns their ids in claim order. */
    async materialize(
      trx: Knex.Transaction,
      batch: { sender: string; from: string | null; now: Date; messages: MessageToCreate[]; leaseSeconds: number | null }
    ): Promise<Array<{ recipientId: number; id: number; documentId: string }>> {
      if (batch.messages.length === 0) return [];
      const { statement, defaults } = materializeStatement(strapi);
      const list = batch.messages;
      const rows = await runPreparedOn<Row>(trx, statement, {
        ...defaults,
        sender: batch.sender,
        from: batch.from,
        leaseSeconds: batch.leaseSeconds,
        now: batch.now,
        recipientIds: list.map((item) => item.recipientId),
        campaignIds: list.map((item) => item.campaignId),
        candidateIds: list.map((item) => item.candidateId),
        candidateDocumentIds: list.map((item) => item.candidateDocumentId),
        templateIds: list.map((item) => item.templateId),
        retryOfIds: list.map((item) => item.retryOfMessageId),
        messageDocumentIds: list.map((item) => item.messageDocumentId),
        conversationDocumentIds: list.map((item) => item.conversationDocumentId),
        tos: list.map((item) => item.to),
        variables: list.map((item) => jsonParam(item.variables)),
        previews: list.map((item) => item.preview),
      });
      return rows.map((row) => ({
        recipientId: Number(row.recipient_id),
        id: Number(row.message_id),
        documentId: String(row.message_document_id),
      }));
    },

    /**
     * Campaign messages of the sender's running campaigns that are in the outbox with nobody
     * working on them and nothing to wait for: a dispatcher that died handed them over and never
     * sent them. Only called by the dispatcher that holds the sender's lock, so none of them is
     * in this dispatcher's own hands.
     */
    async findOrphans(sender: string, limit: number): Promise<string[]> {
      const result = await db().raw(
        `SELECT m.document_id
           FROM ${R} r
           JOIN ${C} c ON c.id = r.campaign_id AND c.state = 'running'
           JOIN ${M} m ON m.id = r.message_id
          WHERE r.sender = ? AND r.state = 'dispatched' AND ${UNDONE_MESSAGE}
            AND (m.send_locked_until IS NULL OR m.send_locked_until < now())
            AND (m.next_attempt_at IS NULL OR m.next_attempt_at <= now())
          ORDER BY r.id
          LIMIT ?`,
        [sender, limit]
      );
      return rowsOf(result).map((row) => String(row.document_id));
    },

    /**
     * Running campaigns of the sender whose every recipient is skipped, cancelled, or has a
     * message the outbox is done with, become `completed` (one statement, so a campaign
     * completes once). Returns them.
     */
    async completeFinished(sender: string): Promise<Array<{ id: number; documentId: string }>> {
      const result = await db().raw(
        `UPDATE ${C} c SET state = 'completed', completed_at = now(), state_reason = NULL, updated_at = now()
          WHERE c.state = 'running'
            AND EXISTS (SELECT 1 FROM ${R} r WHERE r.campaign_id = c.id AND r.sender = ?)
            AND NOT EXISTS (SELECT 1 FROM ${R} r WHERE r.campaign_id = c.id AND r.state = 'waiting')
            AND NOT EXISTS (SELECT 1 FROM ${R} r JOIN ${M} m ON m.id = r.message_id
                             WHERE r.campaign_id = c.id AND r.state = 'dispatched' AND ${UNDONE_MESSAGE})
        RETURNING c.id, c.document_id`,
        [sender]
      );
      return rowsOf(result).map((row) => ({ id: Number(row.id), documentId: String(row.document_id) }));
    },

    /** Whether the sender has a running campaign, and whether one has recipients still waiting. */
    async workLeft(sender: string): Promise<{ running: boolean; waiting: boolean }> {
      const result = await db().raw(
        `SELECT EXISTS (SELECT 1 FROM ${C} c WHERE c.state = 'running'
                          AND EXISTS (SELECT 1 FROM ${R} r WHERE r.campaign_id = c.id AND r.sender = ?)) AS running,
                EXISTS (SELECT 1 FROM ${R} r JOIN ${C} c ON c.id = r.campaign_id AND c.state = 'running'
                         WHERE r.sender = ? AND r.state = 'waiting') AS waiting`,
        [sender, sender]
      );
      const row = rowsOf(result)[0] ?? {};
      return { running: Boolean(row.running), waiting: Boolean(row.waiting) };
    },

    /** Senders with a running campaign (the scheduler makes sure each has a dispatcher). */
    async sendersWithRunningCampaigns(): Promise<string[]> {
      const result = await db().raw(
        `SELECT DISTINCT r.sender FROM ${C} c JOIN LATERAL (SELECT sender FROM ${R} WHERE campaign_id = c.id LIMIT 1) r ON true
          WHERE c.state = 'running'`
      );
      return rowsOf(result).map((row) => String(row.sender));
    },

    /**
     * Whether WhatsApp refused a message for going too fast (63018) since `since`. Looks only at
     * failures of the last hour, through the (status, created_at) index.
     */
    async rateLimitedSince(since: Date): Promise<boolean> {
      const result = await db().raw(
        `SELECT EXISTS (SELECT 1 FROM ${M} WHERE status IN ('failed', 'undelivered') AND created_at > now() - interval '1 hour'
                          AND error_code = 63018 AND failed_at > ?) AS hit`,
        [since]
      );
      return Boolean(rowsOf(result)[0]?.hit);
    },
  };
};

export type CampaignDispatchRepository = ReturnType<typeof createCampaignDispatchRepository>;
