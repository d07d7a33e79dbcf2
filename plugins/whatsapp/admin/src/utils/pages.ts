import { actionUid, type PluginActionKey } from '../../../shared/permissions';

/** The plugin's pages, in menu order, each with the permission that lets a role read it. */
export const PLUGIN_PAGES = [
  { path: 'inbox', read: 'messagesRead', label: 'Inbox' },
  { path: 'candidates', read: 'candidatesRead', label: 'Candidates' },
  { path: 'templates', read: 'templatesRead', label: 'Templates' },
  { path: 'campaigns', read: 'campaignsRead', label: 'Campaigns' },
  // What a sync found is message data: the server guards GET /sync-status with messages.read.
  { path: 'sync-status', read: 'messagesRead', label: 'Sync status' },
  { path: 'saved-replies', read: 'savedRepliesManage', label: 'Saved replies' },
  { path: 'audit', read: 'auditRead', label: 'Audit' },
] as const satisfies ReadonlyArray<{ path: string; read: PluginActionKey; label: string }>;

export type PluginPage = (typeof PLUGIN_PAGES)[number];

/** Read permissions of every page: whoever holds one of them sees the WhatsApp menu entry. */
export const PAGE_READ_PERMISSIONS = [...new Set(PLUGIN_PAGES.map((page) => page.read))].map((key) => ({
  action: actionUid(key),
  subject: null,
}));
