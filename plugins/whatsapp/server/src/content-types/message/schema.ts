import type { Struct } from '@strapi/strapi';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES } from '../../../../shared/statuses';

export const messageSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_messages',
  info: {
    singularName: 'message',
    pluralName: 'messages',
    displayName: 'Message',
    description: 'One WhatsApp message, inbound or outbound, with its delivery history',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    conversation: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::whatsapp.conversation',
      inversedBy: 'messages',
      configurable: false,
    },
    candidate: { type: 'relation', relation: 'manyToOne', target: 'plugin::whatsapp.candidate', configurable: false },
    campaign: { type: 'relation', relation: 'manyToOne', target: 'plugin::whatsapp.campaign', configurable: false },
    template: { type: 'relation', relation: 'manyToOne', target: 'plugin::whatsapp.template', configurable: false },
    direction: { type: 'enumeration', enum: [...MESSAGE_DIRECTIONS], required: true, configurable: false },
    from: { type: 'string', configurable: false },
    to: { type: 'string', configurable: false },
    body: { type: 'text', configurable: false },
    // [{ url, contentType }]
    media: { type: 'json', configurable: false },
    // { latitude, longitude, address, label }
    location: { type: 'json', configurable: false },
    variables: { type: 'json', configurable: false },
    twilioSid: { type: 'string', unique: true, configurable: false },
    status: { type: 'enumeration', enum: [...MESSAGE_STATUSES], default: 'pending', required: true, configurable: false },
    errorCode: { type: 'integer', configurable: false },
    errorMessage: { type: 'text', configurable: false },
    sentAt: { type: 'datetime', configurable: false },
    deliveredAt: { type: 'datetime', configurable: false },
    readAt: { type: 'datetime', configurable: false },
    failedAt: { type: 'datetime', configurable: false },
    retryOf: { type: 'relation', relation: 'manyToOne', target: 'plugin::whatsapp.message', configurable: false },
    // Every status event received for this message, in arrival order.
    events: { type: 'json', configurable: false },
    // Inbound extras Twilio sends for WhatsApp.
    profileName: { type: 'string', configurable: false },
    waId: { type: 'string', configurable: false },
    messageType: { type: 'string', configurable: false },
    button: { type: 'json', configurable: false },
    referral: { type: 'json', configurable: false },
    inReplyToSid: { type: 'string', configurable: false },
    // Who caused an outbound message (audit): written only by the send path's SQL; every
    // Document Service write drops them (sending/document-rules.ts), so no API can change them.
    // admin | api-token | user | campaign | system (shared/audit.ts). A string, not an
    // enumeration: GraphQL enums cannot hold "api-token" and would answer "api_token".
    actorType: { type: 'string', configurable: false },
    actorId: { type: 'string', configurable: false },
    // A snapshot of the actor's name when the message was made.
    actorName: { type: 'string', configurable: false },
    // Outbox bookkeeping for outbound sends (sending/delivery.ts, sending/outbox-sql.ts).
    // Private: how we got the message to Twilio is not part of the API.
    sendAttempts: { type: 'integer', default: 0, min: 0, private: true, configurable: false },
    // When the next attempt is due after a 429/5xx/timeout.
    nextAttemptAt: { type: 'datetime', private: true, configurable: false },
    // Set while an attempt's outcome is unknown (in flight, timed out, crashed): the next run
    // must ask Twilio whether it was accepted before sending again.
    sendStartedAt: { type: 'datetime', private: true, configurable: false },
    // One worker at a time talks to Twilio about a message.
    sendLockedUntil: { type: 'datetime', private: true, configurable: false },
    // Why the last attempt did not go through (a 429, a timeout), for operators.
    lastSendError: { type: 'text', private: true, configurable: false },
    // Status sync (status-sync/sync.ts): when Twilio was last asked about this message, and
    // why it looks stuck short of a final status (null: nothing wrong), in words and as a code.
    lastSyncedAt: { type: 'datetime', configurable: false },
    stuckCode: { type: 'string', configurable: false },
    stuckReason: { type: 'text', configurable: false },
  },
  indexes: [
    { name: 'plugin_whatsapp_messages_twilio_sid_unique', columns: ['twilio_sid'], type: 'unique' },
    { name: 'plugin_whatsapp_messages_created_at_index', columns: ['created_at'] },
    // Status sync and the outbox look for messages short of a final status.
    { name: 'plugin_whatsapp_messages_status_index', columns: ['status', 'created_at'] },
    // The outbox sweeper looks for pending messages whose next attempt is overdue.
    { name: 'plugin_whatsapp_messages_next_attempt_at_index', columns: ['status', 'next_attempt_at'] },
    // Status sync: flagged messages, and clearing flags that no longer apply.
    { name: 'plugin_whatsapp_messages_stuck_code_index', columns: ['stuck_code', 'last_synced_at'] },
  ],
} satisfies Partial<Struct.CollectionTypeSchema>;
