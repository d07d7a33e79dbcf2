export const PLUGIN_ID = 'whatsapp';

export const UID = {
  candidate: 'plugin::whatsapp.candidate',
  conversation: 'plugin::whatsapp.conversation',
  message: 'plugin::whatsapp.message',
  template: 'plugin::whatsapp.template',
  campaign: 'plugin::whatsapp.campaign',
  statusEvent: 'plugin::whatsapp.status-event',
  syncRun: 'plugin::whatsapp.sync-run',
  savedReply: 'plugin::whatsapp.saved-reply',
} as const;

/**
 * Plain tables (not content types), created by the schema module (schema/migrations.ts): a
 * campaign's work queue and the senders' token buckets.
 */
export const PLAIN_TABLE = {
  campaignRecipient: 'plugin_whatsapp_campaign_recipients',
  rateBucket: 'plugin_whatsapp_rate_buckets',
  schemaMigration: 'plugin_whatsapp_schema_migrations',
  auditLog: 'plugin_whatsapp_audit_log',
  conversationNote: 'plugin_whatsapp_conversation_notes',
  assignmentTurn: 'plugin_whatsapp_assignment_turns',
  candidateImport: 'plugin_whatsapp_candidate_imports',
  candidateImportChunk: 'plugin_whatsapp_candidate_import_chunks',
  candidateImportRow: 'plugin_whatsapp_candidate_import_rows',
} as const;

/** Logged before every plugin log line so operators can grep for it. */
export const LOG_PREFIX = '[whatsapp]';

/** Twilio webhook routes, relative to the plugin's content API prefix (`/api/whatsapp`). */
export const WEBHOOK_ROUTE = {
  inbound: '/webhook',
  status: '/webhook/status',
} as const;

/** Path (under the public URL) Twilio posts status callbacks to. */
export const STATUS_CALLBACK_PATH = `/api/${PLUGIN_ID}${WEBHOOK_ROUTE.status}`;

/**
 * Outbound sends. A send whose answer never came is reconciled against Twilio
 * before anything is sent again, so the Twilio timeout only decides how soon we find out.
 */
export const SEND = {
  /** Twilio answers a Message create in well under a second; the SDK's own default is 30 s. */
  twilioTimeoutMs: 10_000,
  /** Attempts before a message that keeps meeting 429/5xx/timeouts is marked failed. */
  maxAttempts: 8,
  /** Exponential backoff with jitter between attempts: base × 2^(n-1), capped. */
  retryBaseMs: 1_000,
  retryMaxMs: 5 * 60_000,
  /** How long one worker holds a message while it talks to Twilio (> timeout + reconcile). */
  leaseSeconds: 60,
  /** Twilio's clock and ours may differ; a reconcile looks this far before the attempt. */
  reconcileSkewMs: 2 * 60_000,
  /** Newest Twilio messages to the recipient a reconcile looks through. */
  reconcileScanLimit: 200,
  /** A pending message with no job for this long is handed to the queue again by the sweeper. */
  orphanAfterMs: 2 * 60_000,
  /**
   * Longest a send holds its message while it waits for its token from the sender's bucket;
   * a later token sends the message back to the queue until then (well within the lease).
   */
  maxTokenWaitMs: 20_000,
  /**
   * Send workers per instance and the jobs each fetches at once (sent side by side): enough sends
   * under way to keep WHATSAPP_MPS busy while each waits on the database and Twilio.
   */
  workers: 8,
  batchSize: 4,
  /**
   * One-message sends under way at once on one instance (each holds its token from the moment
   * it takes it): at most this many seconds of the sender's pace, plus one. The tokens an
   * instance holds stay close to now, so a send queued later with a higher priority is not booked
   * behind a long line, and a slow sender (the sandbox's one every 3 s) is not booked past
   * `maxTokenWaitMs`, where sends would go back to the queue and waste their tokens.
   */
  tokenLookaheadSeconds: 0.5,
} as const;

/**
 * pg-boss priority of a send job (higher first). Staff answering from the inbox go before API
 * clients' sends, so a client's burst never keeps a person waiting; a worker per instance takes
 * only inbox sends, so one is never stuck behind a busy batch either.
 */
export const SEND_PRIORITY = {
  api: 0,
  inbox: 10,
} as const;

export type SendOrigin = keyof typeof SEND_PRIORITY;


/**
 * Query parameter of the StatusCallback URL that carries our message documentId
 * (`…/webhook/status?messageId=<documentId>`): a callback that arrives before the send has
 * recorded Twilio's SID is still matched to its message. The send feature builds URLs with it.
 */
export const STATUS_CALLBACK_MESSAGE_PARAM = 'messageId';

/** Header Twilio signs every webhook with. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Per client address, requests that fail the signature check beyond this many in a window are
 * answered 429. Correctly signed requests are never counted nor throttled.
 */
export const WEBHOOK_FAILED_SIGNATURE_LIMIT = { max: 30, windowMs: 60_000 } as const;

/**
 * Inbound webhooks that arrive while earlier ones are being stored are stored together, in one
 * statement and one commit (inbound/service.ts). Two statements at a time: bigger groups cost
 * fewer round trips and commits (measured with bench/webhook-ingest: 2 beat 4), two keep one
 * slow statement from holding up every webhook, and both stay well under the database pool
 * (DATABASE_POOL_MAX, 10 by default) so the rest of the app always gets a connection.
 */
export const INBOUND_BATCH = { maxBatch: 50, maxInFlight: 2 } as const;

/**
 * Status reports (callbacks, the status sync) that arrive while earlier ones are being recorded
 * are recorded together (status-sync/message-status.ts), for the same reasons: a campaign at 200
 * messages a second brings about 600 callbacks a second.
 */
export const STATUS_BATCH = { maxBatch: 200, maxInFlight: 2 } as const;

/** Postgres LISTEN/NOTIFY channel on which every instance announces inbox changes. */
export const REALTIME_CHANNEL = 'whatsapp_events';

export const REALTIME_STREAM = {
  /** While the LISTEN connection is down it is tried again this often: what it misses meanwhile is replayed, so sooner is better. */
  reconnectMs: 500,
  /**
   * Messages replayed from before a stream's cursor: ids are taken before commit, so one with a
   * lower id can commit after a higher one was announced (a duplicate is harmless, a gap is not).
   */
  replayOverlap: 100,
  /** A stream further behind than this is told to refetch (`resync`) instead of being sent each message. */
  replayLimit: 1_000,
  /** How long a browser waits before it opens a closed stream again (the SSE `retry:` field). */
  clientRetryMs: 1_000,
} as const;

/** While the database is unreachable, it is tried this often to notice (and log once) that it is back. */
export const DATABASE_PROBE_MS = 500;

/**
 * Status sync: how much one run does, and when a run counts as abandoned. The
 * schedule, minimum age and budget share come from the environment (domain/sync-pacing.ts).
 */
export const STATUS_SYNC = {
  /** Messages one run checks at most; the rest wait for the next run (least recently checked first). */
  maxPerRun: 2_000,
  /** Messages checked between two progress writes (counters, heartbeat). */
  batchSize: 25,
  /** Twilio calls in flight at once within a run (each is followed by a database write). */
  concurrency: 4,
  /** A run takes no new message after this long, well before its job expires. */
  maxRunMs: 45 * 60_000,
  /** The schedule leaves alone messages older than this; they can still be synced on demand. */
  scheduledMaxAgeMs: 7 * 24 * 3_600_000,
  /** Tries per message when Twilio answers 429 (waited out with backoff). */
  rateLimitAttempts: 6,
  /** Tries per message when Twilio answers 5xx or does not answer. */
  serverErrorAttempts: 3,
  /** A running run with no heartbeat for this long, or a run queued this long, was abandoned. */
  staleRunningMs: 5 * 60_000,
  staleQueuedMs: 30 * 60_000,
  /** Run records kept, and how many GET /sync-status lists. */
  keepRuns: 500,
  listRuns: 20,
  /** Errors and status changes kept in one run record. */
  detailsPerRun: 50,
  /** Stuck messages GET /sync-status lists, flagged within this long. */
  listStuck: 20,
  stuckWindowMs: 7 * 24 * 3_600_000,
} as const;

/**
 * Campaign dispatch. One dispatcher per sender runs at a time across all app
 * instances; it paces sends with the per-sender token bucket in PostgreSQL.
 */
export const CAMPAIGN = {
  /**
   * One dispatcher run lasts about this long, then hands over to a fresh job (any instance). Each
   * handover costs the pace a moment (measured with bench/campaign: about half a second).
   */
  runMs: 60_000,
  /** Recipients handed to the outbox per claim: about this many seconds of sending. */
  batchSeconds: 0.5,
  maxBatch: 250,
  /** The next batch is claimed this long before the last send of the current one is due. */
  lookaheadMs: 250,
  /**
   * Claims run side by side while the bucket lets whole batches go at once: writing a batch of
   * 250 messages takes PostgreSQL about as long as sending it (bench/campaign, pacing off).
   */
  parallelClaims: 2,
  /** While waiting for retries to settle, the dispatcher looks again this often. */
  idlePollMs: 500,
  /** 63018 (WhatsApp rate limit) failures are looked for this often. */
  throttleCheckMs: 1_000,
} as const;

/** Test and benchmark knobs for the campaign dispatcher (environment variables). */
export const CAMPAIGN_ENV = {
  runSeconds: 'WHATSAPP_CAMPAIGN_RUN_SECONDS',
  concurrency: 'WHATSAPP_CAMPAIGN_CONCURRENCY',
} as const;

/**
 * The per-sender token bucket (domain/token-bucket.ts). A burst of 5 % of a second's sends
 * keeps any one-second window within WHATSAPP_MPS + 5 %; 63018/20429 halve the rate, which
 * climbs back to WHATSAPP_MPS over `recoveryMs`.
 */
export const RATE_BUCKET = {
  burstSeconds: 0.05,
  recoveryMs: 30_000,
  minFactor: 0.05,
  slowdownCooldownMs: 1_000,
} as const;

/** CSV exports: rows per keyset query (one page is all an export holds in memory). */
export const EXPORT_PAGE_SIZE = 1_000;
