import type { Struct } from '@strapi/strapi';
import { SAVED_REPLY_TEXT_MAX, SHORTCUT_MAX } from '../../../../shared/saved-replies';

export const savedReplySchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_saved_replies',
  info: {
    singularName: 'saved-reply',
    pluralName: 'saved-replies',
    displayName: 'Saved reply',
    description: 'A reply staff insert in the inbox with /shortcut; {{candidate.name}} and the like are filled from the candidate',
  },
  options: { draftAndPublish: false },
  // Managed on WhatsApp → Saved replies (and over REST); the Content Manager keeps to the five types staff browse.
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    // Typed after `/` in the composer; its form is checked by saved-replies/document-rules.ts.
    shortcut: { type: 'string', required: true, unique: true, maxLength: SHORTCUT_MAX, configurable: false },
    text: { type: 'text', required: true, maxLength: SAVED_REPLY_TEXT_MAX, configurable: false },
  },
  indexes: [{ name: 'plugin_whatsapp_saved_replies_shortcut_unique', columns: ['shortcut'], type: 'unique' }],
} satisfies Partial<Struct.CollectionTypeSchema>;
