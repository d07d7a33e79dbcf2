/**
 * Admin RBAC actions (`plugin::whatsapp.<uid>`). One list, used by the server to register
 * the actions and guard admin routes, and by the admin panel to show or hide what a role may use.
 */
export const PLUGIN_ACTIONS = {
  messagesRead: 'messages.read',
  messagesSend: 'messages.send',
  candidatesRead: 'candidates.read',
  candidatesManage: 'candidates.manage',
  templatesRead: 'templates.read',
  templatesManage: 'templates.manage',
  campaignsRead: 'campaigns.read',
  campaignsManage: 'campaigns.manage',
  syncRun: 'sync.run',
  settingsRead: 'settings.read',
  settingsUpdate: 'settings.update',
  conversationsAssign: 'conversations.assign',
  savedRepliesManage: 'saved-replies.manage',
  auditRead: 'audit.read',
} as const;

export type PluginActionKey = keyof typeof PLUGIN_ACTIONS;

export const actionUid = (key: PluginActionKey): string => `plugin::whatsapp.${PLUGIN_ACTIONS[key]}`;

export const ACTION_LABELS: Record<PluginActionKey, { displayName: string; subCategory: string }> = {
  messagesRead: { displayName: 'Read the inbox', subCategory: 'Inbox' },
  messagesSend: { displayName: 'Send and retry messages', subCategory: 'Inbox' },
  candidatesRead: { displayName: 'Read candidates', subCategory: 'Candidates' },
  candidatesManage: { displayName: 'Add and edit candidates', subCategory: 'Candidates' },
  templatesRead: { displayName: 'Read templates', subCategory: 'Templates' },
  templatesManage: { displayName: 'Create, sync and submit templates', subCategory: 'Templates' },
  campaignsRead: { displayName: 'Read campaigns', subCategory: 'Campaigns' },
  campaignsManage: { displayName: 'Create and run campaigns', subCategory: 'Campaigns' },
  syncRun: { displayName: 'Run status sync', subCategory: 'Sync status' },
  settingsRead: { displayName: 'Read settings', subCategory: 'Settings' },
  settingsUpdate: { displayName: 'Update settings', subCategory: 'Settings' },
  conversationsAssign: { displayName: 'Assign conversations', subCategory: 'Inbox' },
  savedRepliesManage: { displayName: 'Manage saved replies', subCategory: 'Inbox' },
  auditRead: { displayName: 'Read the audit trail', subCategory: 'Audit' },
};
