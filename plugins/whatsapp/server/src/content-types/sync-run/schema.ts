import type { Struct } from '@strapi/strapi';

import { SYNC_RUN_STATES, SYNC_RUN_TRIGGERS } from '../../../../shared/sync-status';

/**
 * One status sync run (scheduled or requested), with what it found. Internal (hidden from the
 * Content Manager): read through GET /sync-status. One run at a time per scope is enforced by a
 * partial unique index on `scope_key` over queued and running runs, created by
 * status-sync/sync-sql.ts (Strapi's index definitions cannot express `WHERE`).
 */
export const syncRunSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_sync_runs',
  info: {
    singularName: 'sync-run',
    pluralName: 'sync-runs',
    displayName: 'Status sync run',
    description: 'A reconciliation of message statuses with Twilio',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // `all`, `campaign:<documentId>`, `messages:<digest of the sorted ids>`, or `schedule`.
    scopeKey: { type: 'string', required: true, configurable: false },
    // { kind: 'all' } | { kind: 'campaign', campaign } | { kind: 'messages', messages: [documentId] }
    scope: { type: 'json', required: true, configurable: false },
    trigger: { type: 'enumeration', enum: [...SYNC_RUN_TRIGGERS], required: true, configurable: false },
    state: { type: 'enumeration', enum: [...SYNC_RUN_STATES], default: 'queued', required: true, configurable: false },
    startedAt: { type: 'datetime', configurable: false },
    finishedAt: { type: 'datetime', configurable: false },
    // Written after every batch: a running run whose heartbeat stops was abandoned (a crash).
    heartbeatAt: { type: 'datetime', configurable: false },
    // Messages the run set out to check, checked at Twilio, whose status changed, flagged stuck.
    total: { type: 'integer', default: 0, configurable: false },
    checked: { type: 'integer', default: 0, configurable: false },
    changed: { type: 'integer', default: 0, configurable: false },
    stuck: { type: 'integer', default: 0, configurable: false },
    errorCount: { type: 'integer', default: 0, configurable: false },
    // 429 answers met (each one was waited out and retried).
    rateLimited: { type: 'integer', default: 0, configurable: false },
    // [{ messageId, twilioSid, code, httpStatus?, twilioCode?, message }], the first few.
    errorDetails: { type: 'json', configurable: false },
    // [{ messageId, from, to }], the first few.
    changes: { type: 'json', configurable: false },
    // Why the run itself stopped early (credentials refused, database error), if it did.
    failureReason: { type: 'text', configurable: false },
  },
  indexes: [{ name: 'plugin_whatsapp_sync_runs_created_at_index', columns: ['created_at'] }],
} satisfies Partial<Struct.CollectionTypeSchema>;
