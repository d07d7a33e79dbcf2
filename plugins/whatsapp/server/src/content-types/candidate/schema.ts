import type { Struct } from '@strapi/strapi';
import { OPT_IN_STATES } from '../../../../shared/statuses';

export const candidateSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_candidates',
  info: {
    singularName: 'candidate',
    pluralName: 'candidates',
    displayName: 'Candidate',
    description: 'A person staff talk to on WhatsApp',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', configurable: false },
    // E.164, normalised by the phone service before it reaches the database.
    phone: { type: 'string', required: true, unique: true, configurable: false },
    email: { type: 'email', configurable: false },
    optIn: { type: 'enumeration', enum: [...OPT_IN_STATES], default: 'unknown', required: true, configurable: false },
    optInAt: { type: 'datetime', configurable: false },
    optInSource: { type: 'string', configurable: false },
    optOutAt: { type: 'datetime', configurable: false },
    tags: { type: 'json', configurable: false },
    attributes: { type: 'json', configurable: false },
    lastInboundAt: { type: 'datetime', configurable: false },
    conversations: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::whatsapp.conversation',
      mappedBy: 'candidate',
      configurable: false,
    },
  },
  // `unique: true` above is checked by the Document Service; this index makes Postgres
  // enforce it too, so concurrent webhooks or several app instances can't duplicate a phone.
  indexes: [
    { name: 'plugin_whatsapp_candidates_phone_unique', columns: ['phone'], type: 'unique' },
    { name: 'plugin_whatsapp_candidates_last_inbound_at_index', columns: ['last_inbound_at'] },
  ],
} satisfies Partial<Struct.CollectionTypeSchema>;
