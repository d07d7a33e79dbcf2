import type { Struct } from '@strapi/strapi';
import { TEMPLATE_APPROVAL_STATUSES, TEMPLATE_CATEGORIES } from '../../../../shared/statuses';

export const templateSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_templates',
  info: {
    singularName: 'template',
    pluralName: 'templates',
    displayName: 'Template',
    description: 'A WhatsApp message template (Twilio Content API), approved by Meta before use',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, configurable: false },
    language: { type: 'string', required: true, default: 'en', configurable: false },
    category: { type: 'enumeration', enum: [...TEMPLATE_CATEGORIES], default: 'UTILITY', required: true, configurable: false },
    // Text with {{1}}…{{n}} placeholders.
    body: { type: 'text', required: true, configurable: false },
    // Sample values, keyed by placeholder number: { "1": "Asha" }.
    variables: { type: 'json', configurable: false },
    contentSid: { type: 'string', unique: true, configurable: false },
    approvalStatus: {
      type: 'enumeration',
      enum: [...TEMPLATE_APPROVAL_STATUSES],
      default: 'draft',
      required: true,
      configurable: false,
    },
    rejectionReason: { type: 'text', configurable: false },
    lastSyncedAt: { type: 'datetime', configurable: false },
    // Added by the Twilio sync. Set when a sync no longer finds the contentSid at Twilio:
    // the template is kept (messages and campaigns point at it) but can no longer be sent.
    deletedAtTwilio: { type: 'datetime', configurable: false },
    // Twilio's `types` as last created or synced (twilio/text, twilio/media, twilio/quick-reply…);
    // `body` mirrors their text. Written by the sync and the submit, and for a draft by the admin
    // editor (the media or quick replies it will be created with); the REST input schema refuses it.
    twilioTypes: { type: 'json', configurable: false },
  },
  indexes: [{ name: 'plugin_whatsapp_templates_content_sid_unique', columns: ['content_sid'], type: 'unique' }],
} satisfies Partial<Struct.CollectionTypeSchema>;
