import { PLAIN_TABLE } from '../constants';
import { EXTRA_INDEX } from './extra-indexes';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import { CONVERSATION_ORDER_KEY } from '../inbox/reads-sql';
import { SYNC_RUN_ACTIVE } from '../status-sync/sync-sql';

/**
 * Every table and index the plugin owns outside its content types, as numbered steps applied
 * once each, in order (schema/apply.ts). A step is never edited once released: a change is a new
 * step. Steps use IF [NOT] EXISTS so a database set up before this list existed adopts them.
 *
 * `optional`: a step the database may refuse (an extension a managed PostgreSQL does not allow);
 * the plugin works without it, and it is tried again at the next boot.
 */
export type SchemaMigration = { version: number; name: string; statements: string[]; optional?: boolean };

const R = PLAIN_TABLE.campaignRecipient;
const conversationOrder = CONVERSATION_ORDER_KEY.replace(/cv\./g, '');

export const SCHEMA_MIGRATIONS: SchemaMigration[] = [
  {
    version: 1,
    // A campaign's work queue: written 10,000 rows per statement at launch, with a
    // (campaign, candidate) unique key that Strapi's link tables cannot hold.
    name: 'campaign recipients',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${R} (
         id bigserial PRIMARY KEY,
         campaign_id integer NOT NULL,
         candidate_id integer NOT NULL,
         -- The sender the campaign was launched from: its dispatcher sends these.
         sender varchar(64) NOT NULL,
         template_id integer NOT NULL,
         -- Placeholder values resolved at launch (domain/variable-mapping.ts).
         variables jsonb,
         -- waiting | dispatched (the message exists) | skipped | canceled
         state varchar(16) NOT NULL,
         skip_reason varchar(32),
         skip_detail text,
         message_id integer,
         -- The failed message a retry-failed sends again (linked to the new one by retryOf).
         retry_of_message_id integer,
         dispatched_at timestamp(6),
         created_at timestamp(6) NOT NULL,
         updated_at timestamp(6) NOT NULL
       )`,
      `CREATE UNIQUE INDEX IF NOT EXISTS ${R}_campaign_candidate_unique ON ${R} (campaign_id, candidate_id)`,
      // The dispatcher's queue in launch order; (id + 0) is an order the primary key cannot offer,
      // so the planner never walks the primary key past dispatched rows instead.
      `CREATE INDEX IF NOT EXISTS ${R}_waiting_queue_index ON ${R} (sender, campaign_id, (id + 0)) WHERE state = 'waiting'`,
      `DROP INDEX IF EXISTS ${R}_waiting_index`,
      `CREATE INDEX IF NOT EXISTS ${R}_message_id_index ON ${R} (message_id)`,
    ],
  },
  {
    version: 2,
    // One row per sender rewritten several times a second: UNLOGGED (no WAL for a counter; after
    // a PostgreSQL crash the bucket starts full again), which Strapi cannot create.
    name: 'sender token buckets',
    statements: [
      `CREATE UNLOGGED TABLE IF NOT EXISTS ${PLAIN_TABLE.rateBucket} (
         sender varchar(64) PRIMARY KEY,
         tokens double precision NOT NULL,
         updated_at timestamptz NOT NULL,
         factor double precision NOT NULL DEFAULT 1,
         slowed_at timestamptz
       )`,
    ],
  },
  {
    version: 3,
    // "One status sync run at a time per scope": a partial unique index (Strapi's have no WHERE).
    name: 'one active sync run per scope',
    statements: [`CREATE UNIQUE INDEX IF NOT EXISTS ${EXTRA_INDEX.syncRunActiveScope} ON ${TABLE.syncRun} (scope_key) WHERE ${SYNC_RUN_ACTIVE}`],
  },
  {
    version: 4,
    // The inbox list newest first (walked backwards from the top or a cursor), its unread
    // filter, and a thread's messages in stored order.
    name: 'inbox order',
    statements: [
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.inboxOrder} ON ${TABLE.conversation} ((${conversationOrder}), id)`,
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.inboxUnread} ON ${TABLE.conversation} ((${conversationOrder}), id) WHERE unread_count > 0`,
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.inboxThread} ON ${LINK_TABLE.messageConversation} (conversation_id, message_id)`,
    ],
  },
  {
    version: 5,
    // Substring search on names and numbers; without pg_trgm search scans the candidates.
    name: 'inbox search trigram indexes',
    optional: true,
    statements: [
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.candidateNameTrigram} ON ${TABLE.candidate} USING gin (name gin_trgm_ops)`,
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.candidatePhoneTrigram} ON ${TABLE.candidate} USING gin (phone gin_trgm_ops)`,
    ],
  },
  {
    version: 6,
    // The Candidates page: its tag filter and audiences' tag rules (jsonb containment), and one
    // index per sort order, so a page of 100,000 candidates is read in index order.
    name: 'candidate list indexes',
    statements: [
      `CREATE INDEX IF NOT EXISTS ${TABLE.candidate}_tags_gin_index ON ${TABLE.candidate} USING gin (tags jsonb_path_ops)`,
      `CREATE INDEX IF NOT EXISTS ${TABLE.candidate}_created_at_id_index ON ${TABLE.candidate} (created_at, id)`,
      `CREATE INDEX IF NOT EXISTS ${TABLE.candidate}_name_id_index ON ${TABLE.candidate} (name, id)`,
      `CREATE INDEX IF NOT EXISTS ${TABLE.candidate}_last_inbound_at_id_index ON ${TABLE.candidate} (last_inbound_at DESC NULLS LAST, id DESC)`,
    ],
  },
  {
    version: 7,
    // The Candidates page's search on e-mail addresses; without pg_trgm it scans.
    name: 'candidate e-mail trigram index',
    optional: true,
    statements: [
      'CREATE EXTENSION IF NOT EXISTS pg_trgm',
      `CREATE INDEX IF NOT EXISTS ${TABLE.candidate}_email_trgm_index ON ${TABLE.candidate} USING gin (email gin_trgm_ops)`,
    ],
  },
  {
    version: 8,
    // Candidate imports: the uploaded file in chunks (whichever instance runs the job reads it),
    // the import's state and progress, and its per-row report, paged by outcome.
    name: 'candidate imports',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.candidateImport} (
         id bigserial PRIMARY KEY,
         document_id varchar(32) NOT NULL UNIQUE,
         file_name varchar(255) NOT NULL,
         -- csv | xlsx
         format varchar(8) NOT NULL,
         byte_size bigint NOT NULL DEFAULT 0,
         -- uploaded | dry-running | dry-run-done | importing | done | failed
         state varchar(16) NOT NULL,
         -- the run in progress or last finished writes to candidates
         commit_run boolean NOT NULL DEFAULT false,
         headers jsonb NOT NULL DEFAULT '[]',
         samples jsonb NOT NULL DEFAULT '[]',
         mapping jsonb NOT NULL DEFAULT '{}',
         counts jsonb NOT NULL DEFAULT '{}',
         bytes_processed bigint NOT NULL DEFAULT 0,
         rows_processed integer NOT NULL DEFAULT 0,
         error text,
         created_by varchar(255),
         created_at timestamp(6) NOT NULL,
         updated_at timestamp(6) NOT NULL,
         finished_at timestamp(6)
       )`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.candidateImport}_created_at_index ON ${PLAIN_TABLE.candidateImport} (created_at DESC)`,
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.candidateImportChunk} (
         import_id bigint NOT NULL REFERENCES ${PLAIN_TABLE.candidateImport} (id) ON DELETE CASCADE,
         seq integer NOT NULL,
         data bytea NOT NULL,
         PRIMARY KEY (import_id, seq)
       )`,
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.candidateImportRow} (
         import_id bigint NOT NULL REFERENCES ${PLAIN_TABLE.candidateImport} (id) ON DELETE CASCADE,
         row_number integer NOT NULL,
         -- created | updated | unchanged | invalid
         outcome varchar(16) NOT NULL,
         reason text,
         phone varchar(40),
         candidate_document_id varchar(32),
         PRIMARY KEY (import_id, row_number)
       )`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.candidateImportRow}_outcome_index ON ${PLAIN_TABLE.candidateImportRow} (import_id, outcome, row_number)`,
    ],
  },
  {
    version: 9,
    // The team inbox: Mine and Unassigned walk their own index in list order (and count from it);
    // staff notes live beside the thread; the auto-assignment turn is one row per role, updated
    // in place so instances sharing the database take turns through its row lock.
    name: 'team inbox',
    statements: [
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.inboxAssignee} ON ${TABLE.conversation} (assignee_id, (${conversationOrder}), id)`,
      `CREATE INDEX IF NOT EXISTS ${EXTRA_INDEX.inboxUnassigned} ON ${TABLE.conversation} ((${conversationOrder}), id) WHERE assignee_id IS NULL`,
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.conversationNote} (
         id bigserial PRIMARY KEY,
         conversation_id integer NOT NULL,
         author_id integer,
         -- The author's name when it was written: the note still says who after the account goes.
         author_name varchar(255) NOT NULL,
         body text NOT NULL,
         created_at timestamp(6) NOT NULL
       )`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.conversationNote}_thread_index ON ${PLAIN_TABLE.conversationNote} (conversation_id, created_at, id)`,
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.assignmentTurn} (
         role_id integer PRIMARY KEY,
         last_admin_id integer NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
    ],
  },
  {
    version: 10,
    // The audit trail of campaign actions and settings changes: appended to, never updated, and
    // not a content type, so no Strapi API (REST, GraphQL, Content Manager) can write it.
    name: 'audit log',
    statements: [
      `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.auditLog} (
         id bigserial PRIMARY KEY,
         at timestamptz NOT NULL DEFAULT now(),
         action varchar(64) NOT NULL,
         subject_type varchar(32) NOT NULL,
         subject_id varchar(64),
         subject_label varchar(255),
         actor_type varchar(16) NOT NULL,
         actor_id varchar(64),
         actor_name varchar(255),
         details jsonb
       )`,
      // The page reads newest first, optionally one action, actor type or subject.
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.auditLog}_at_index ON ${PLAIN_TABLE.auditLog} (at DESC, id DESC)`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.auditLog}_action_index ON ${PLAIN_TABLE.auditLog} (action, at DESC)`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.auditLog}_actor_index ON ${PLAIN_TABLE.auditLog} (actor_type, actor_id, at DESC)`,
      `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.auditLog}_subject_index ON ${PLAIN_TABLE.auditLog} (subject_type, subject_id, at DESC)`,
    ],
  },
];
