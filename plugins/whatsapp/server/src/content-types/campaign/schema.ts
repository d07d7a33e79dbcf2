import type { Struct } from '@strapi/strapi';
import { CAMPAIGN_STATES } from '../../../../shared/statuses';

export const campaignSchema = {
  kind: 'collectionType',
  collectionName: 'plugin_whatsapp_campaigns',
  info: {
    singularName: 'campaign',
    pluralName: 'campaigns',
    displayName: 'Campaign',
    description: 'A template sent to an audience of candidates',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, configurable: false },
    template: { type: 'relation', relation: 'manyToOne', target: 'plugin::whatsapp.template', configurable: false },
    // { "1": { source: "field", field: "name" } | { source: "attribute", key } | { source: "text", value } }
    variableMapping: { type: 'json', configurable: false },
    // { candidates: [documentId], tags: [string] }
    audience: { type: 'json', configurable: false },
    state: { type: 'enumeration', enum: [...CAMPAIGN_STATES], default: 'draft', required: true, configurable: false },
    scheduledAt: { type: 'datetime', configurable: false },
    startedAt: { type: 'datetime', configurable: false },
    completedAt: { type: 'datetime', configurable: false },
    // Counts per recipient status, including `skipped`.
    stats: { type: 'json', configurable: false },
    // Why the plugin itself moved the campaign to its state (a scheduled launch that was refused,
    // a dispatch paused because the template can no longer be sent); null otherwise.
    stateReason: { type: 'text', configurable: false },
  },
  indexes: [{ name: 'plugin_whatsapp_campaigns_state_index', columns: ['state', 'scheduled_at'] }],
} satisfies Partial<Struct.CollectionTypeSchema>;
