import type { Struct } from '@strapi/strapi';
import { CONVERSATION_STATUSES } from '../../../../shared/statuses';

export const conversationSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_conversations',
  info: {
    singularName: 'conversation',
    pluralName: 'conversations',
    displayName: 'Conversation',
    description: 'The WhatsApp thread between one candidate and one of our senders',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    candidate: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::whatsapp.candidate',
      inversedBy: 'conversations',
      configurable: false,
    },
    // Our WhatsApp number, E.164.
    sender: { type: 'string', required: true, configurable: false },
    status: { type: 'enumeration', enum: [...CONVERSATION_STATUSES], default: 'open', required: true, configurable: false },
    lastMessageAt: { type: 'datetime', configurable: false },
    lastMessagePreview: { type: 'string', configurable: false },
    lastInboundAt: { type: 'datetime', configurable: false },
    windowExpiresAt: { type: 'datetime', configurable: false },
    unreadCount: { type: 'integer', default: 0, min: 0, configurable: false },
    // The admin user (admin::user id) the conversation is assigned to; null: unassigned. A plain
    // column, not a relation: the inbox's Mine/Unassigned lists and counts walk an index on it,
    // which a link table cannot give.
    assigneeId: { type: 'integer', min: 1, configurable: false },
    // `<sender>|<candidate documentId>`: relations live in link tables, so this column is
    // what lets Postgres enforce one conversation per candidate and sender.
    threadKey: { type: 'string', required: true, unique: true, private: true, configurable: false },
    messages: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::whatsapp.message',
      mappedBy: 'conversation',
      configurable: false,
    },
  },
  indexes: [
    { name: 'plugin_whatsapp_conversations_thread_key_unique', columns: ['thread_key'], type: 'unique' },
    // The inbox lists conversations newest first.
    { name: 'plugin_whatsapp_conversations_last_message_at_index', columns: ['last_message_at'] },
    { name: 'plugin_whatsapp_conversations_status_index', columns: ['status', 'last_message_at'] },
  ],
} satisfies Partial<Struct.CollectionTypeSchema>;
