import type { Struct } from '@strapi/strapi';

/**
 * Every Twilio status callback as received. Internal (hidden from the Content Manager):
 * it is the idempotency key for callbacks and keeps a callback that arrives before our
 * own record of the send (matched later by `messageDocumentId`).
 */
export const statusEventSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_status_events',
  info: {
    singularName: 'status-event',
    pluralName: 'status-events',
    displayName: 'Status event',
    description: 'Twilio status callbacks, one row per (MessageSid, MessageStatus)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    messageSid: { type: 'string', required: true, configurable: false },
    // Our message documentId, carried in the StatusCallback URL.
    messageDocumentId: { type: 'string', configurable: false },
    status: { type: 'string', required: true, configurable: false },
    errorCode: { type: 'integer', configurable: false },
    errorMessage: { type: 'text', configurable: false },
    payload: { type: 'json', configurable: false },
    receivedAt: { type: 'datetime', configurable: false },
    source: { type: 'string', configurable: false },
    // When the event was applied to its message; null while no message matched it yet
    // (messageStatus.applyPendingEvents applies it once the send records the SID).
    appliedAt: { type: 'datetime', configurable: false },
  },
  indexes: [
    {
      name: 'plugin_whatsapp_status_events_sid_status_unique',
      columns: ['message_sid', 'status'],
      type: 'unique',
    },
    { name: 'plugin_whatsapp_status_events_message_document_id_index', columns: ['message_document_id'] },
  ],
} satisfies Partial<Struct.CollectionTypeSchema>;
