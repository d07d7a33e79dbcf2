import type { Struct } from '@strapi/strapi';
import { MESSAGE_DIRECTIONS, MESSAGE_STATUSES } from '../../domain/statuses';

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
  },
  indexes: [
    { name: 'plugin_whatsapp_messages_twilio_sid_unique', columns: ['twilio_sid'], type: 'unique' },
    { name: 'plugin_whatsapp_messages_created_at_index', columns: ['created_at'] },
    // Status sync and the outbox look for messages short of a final status.
    { name: 'plugin_whatsapp_messages_status_index', columns: ['status', 'created_at'] },
  ],
} satisfies Partial<Struct.CollectionTypeSchema>;
