import { UID } from '../../constants';

/**
 * The names of Strapi-managed tables and columns that the plugin's SQL reads and writes.
 * Declared once here and held against `strapi.db.metadata` and the live schema at boot
 * (check.ts): a Strapi release that maps a type differently stops the boot instead of
 * corrupting rows.
 */
export const TABLE = {
  candidate: 'plugin_whatsapp_candidates',
  conversation: 'plugin_whatsapp_conversations',
  message: 'plugin_whatsapp_messages',
  template: 'plugin_whatsapp_templates',
  campaign: 'plugin_whatsapp_campaigns',
  statusEvent: 'plugin_whatsapp_status_events',
  syncRun: 'plugin_whatsapp_sync_runs',
} as const;

export const TABLE_UID: Record<keyof typeof TABLE, string> = {
  candidate: UID.candidate,
  conversation: UID.conversation,
  message: UID.message,
  template: UID.template,
  campaign: UID.campaign,
  statusEvent: UID.statusEvent,
  syncRun: UID.syncRun,
};

/** A relation's link table: the owner's column, the target's column, and the order column the target side keeps (if any). */
export type LinkSpec = {
  uid: string;
  attribute: string;
  table: string;
  ownerColumn: string;
  targetColumn: string;
  /** The position of the owner among the target's list (Strapi's `inverseOrderColumnName`). */
  inverseOrderColumn: string | null;
};

const link = (uid: string, attribute: string, table: string, ownerColumn: string, targetColumn: string, inverseOrderColumn: string | null = null): LinkSpec => ({
  uid,
  attribute,
  table,
  ownerColumn,
  targetColumn,
  inverseOrderColumn,
});

export const LINK = {
  conversationCandidate: link(UID.conversation, 'candidate', 'plugin_whatsapp_conversations_candidate_lnk', 'conversation_id', 'candidate_id', 'conversation_ord'),
  messageConversation: link(UID.message, 'conversation', 'plugin_whatsapp_messages_conversation_lnk', 'message_id', 'conversation_id', 'message_ord'),
  messageCandidate: link(UID.message, 'candidate', 'plugin_whatsapp_messages_candidate_lnk', 'message_id', 'candidate_id'),
  messageCampaign: link(UID.message, 'campaign', 'plugin_whatsapp_messages_campaign_lnk', 'message_id', 'campaign_id'),
  messageTemplate: link(UID.message, 'template', 'plugin_whatsapp_messages_template_lnk', 'message_id', 'template_id'),
  messageRetryOf: link(UID.message, 'retryOf', 'plugin_whatsapp_messages_retry_of_lnk', 'message_id', 'inv_message_id'),
  campaignTemplate: link(UID.campaign, 'template', 'plugin_whatsapp_campaigns_template_lnk', 'campaign_id', 'template_id'),
} as const;

/** Link table names, for reads that join through them. */
export const LINK_TABLE = Object.fromEntries(Object.entries(LINK).map(([key, spec]) => [key, spec.table])) as {
  [K in keyof typeof LINK]: (typeof LINK)[K]['table'];
};

/** The column the plugin's SQL uses for an attribute: Strapi's snake_case of its name. */
export const columnOf = (attribute: string): string => attribute.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
