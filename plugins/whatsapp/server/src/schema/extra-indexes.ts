import { LINK_TABLE, TABLE } from '../database/strapi-tables';

/** Indexes the schema module adds to Strapi's tables (Strapi's own definitions cannot express them). */
export const EXTRA_INDEX = {
  syncRunActiveScope: 'plugin_whatsapp_sync_runs_active_scope_unique',
  inboxOrder: `${TABLE.conversation}_inbox_order_index`,
  inboxUnread: `${TABLE.conversation}_inbox_unread_index`,
  inboxAssignee: `${TABLE.conversation}_inbox_assignee_index`,
  inboxUnassigned: `${TABLE.conversation}_inbox_unassigned_index`,
  inboxThread: `${LINK_TABLE.messageConversation}_thread_index`,
  candidateNameTrigram: `${TABLE.candidate}_name_trgm_index`,
  candidatePhoneTrigram: `${TABLE.candidate}_phone_trgm_index`,
} as const;
