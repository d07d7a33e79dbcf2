export const PLUGIN_ID = 'whatsapp';

export const UID = {
  candidate: 'plugin::whatsapp.candidate',
  conversation: 'plugin::whatsapp.conversation',
  message: 'plugin::whatsapp.message',
  template: 'plugin::whatsapp.template',
  campaign: 'plugin::whatsapp.campaign',
  statusEvent: 'plugin::whatsapp.status-event',
} as const;

export const TABLE = {
  candidate: 'plugin_whatsapp_candidates',
  conversation: 'plugin_whatsapp_conversations',
  message: 'plugin_whatsapp_messages',
  template: 'plugin_whatsapp_templates',
  campaign: 'plugin_whatsapp_campaigns',
  statusEvent: 'plugin_whatsapp_status_events',
} as const;

/** Logged before every plugin log line so operators can grep for it. */
export const LOG_PREFIX = '[whatsapp]';
