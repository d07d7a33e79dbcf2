import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** The two plain tables (not content types) this file creates. */
export const PLAIN_TABLE = {
  campaignRecipient: 'plugin_whatsapp_campaign_recipients',
  rateBucket: 'plugin_whatsapp_rate_buckets',
} as const;

/**
 * Two plain tables, created at bootstrap, rather than content types:
 *
 * - `plugin_whatsapp_campaign_recipients` is a campaign's work queue (its outbox until each
 *   recipient's message exists), not content: nobody edits it, and the API shows it through
 *   `GET /campaigns/:id/recipients`. A launch writes 10,000 rows in one statement; as a content
 *   type each row would also need a cuid2 documentId (minting 10,000 takes ~200 ms of the event
 *   loop), publication columns and a GraphQL type to switch off. Plain integer columns also let
 *   Postgres hold the (campaign, candidate) unique key that relations in link tables cannot.
 * - `plugin_whatsapp_rate_buckets` is one row per sender, rewritten several times a second by
 *   whichever instance sends. UNLOGGED (Strapi can't create those): no WAL for a counter, and if
 *   Postgres crashes the bucket simply starts full again.
 *
 * Strapi's schema sync leaves tables it did not create alone (@strapi/database schema diff).
 * Column changes go here as `ADD COLUMN IF NOT EXISTS`, so every version can run this at boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS ${PLAIN_TABLE.campaignRecipient} (
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
  `CREATE UNIQUE INDEX IF NOT EXISTS ${PLAIN_TABLE.campaignRecipient}_campaign_candidate_unique
     ON ${PLAIN_TABLE.campaignRecipient} (campaign_id, candidate_id)`,
  // The dispatcher's queue: a sender's waiting recipients of a campaign, in launch order. Ordered
  // by (id + 0), an order no other index has, so the planner cannot pick the primary key instead
  // (see claim in repositories/campaign-dispatch.ts). It replaces the (sender, campaign_id, id)
  // index of earlier versions.
  `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.campaignRecipient}_waiting_queue_index
     ON ${PLAIN_TABLE.campaignRecipient} (sender, campaign_id, (id + 0)) WHERE state = 'waiting'`,
  `DROP INDEX IF EXISTS ${PLAIN_TABLE.campaignRecipient}_waiting_index`,
  `CREATE INDEX IF NOT EXISTS ${PLAIN_TABLE.campaignRecipient}_message_id_index ON ${PLAIN_TABLE.campaignRecipient} (message_id)`,
  `CREATE UNLOGGED TABLE IF NOT EXISTS ${PLAIN_TABLE.rateBucket} (
     sender varchar(64) PRIMARY KEY,
     tokens double precision NOT NULL,
     updated_at timestamptz NOT NULL,
     factor double precision NOT NULL DEFAULT 1,
     slowed_at timestamptz
   )`,
];

// Instances booting together would race on CREATE … IF NOT EXISTS (a duplicate pg_type row).
const DDL_LOCK = 'whatsapp:campaign-tables';

export const ensureCampaignTables = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [DDL_LOCK]);
    for (const statement of DDL) await trx.raw(statement);
  });
};
