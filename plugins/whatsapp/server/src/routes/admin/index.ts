import { actionUid, type PluginActionKey } from '../../../../shared/permissions';
import { audienceAdminRoutes } from '../../audiences';
import { candidateAdminRoutes } from '../../candidates-admin';
import { campaignEditorRoutes } from '../../campaign-editor';

/** Every admin route checks its RBAC action on the server, not only in the UI. */
const can = (...keys: PluginActionKey[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: keys.map(actionUid) } },
];

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/settings', handler: 'settings.find', config: { policies: can('settingsRead') } },
    { method: 'PUT', path: '/settings', handler: 'settings.update', config: { policies: can('settingsUpdate') } },
    // Calls Twilio, possibly with credentials not saved yet: as sensitive as changing them.
    {
      method: 'POST',
      path: '/settings/test-connection',
      handler: 'settings.testConnection',
      config: { policies: can('settingsUpdate') },
    },
    // The Inbox page: conversations, one thread, mark read, live updates (server-sent events).
    { method: 'GET', path: '/inbox/conversations', handler: 'admin-inbox.conversations', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/inbox/conversations/:id/messages', handler: 'admin-inbox.messages', config: { policies: can('messagesRead') } },
    { method: 'POST', path: '/inbox/conversations/:id/read', handler: 'admin-inbox.markRead', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/inbox/stream', handler: 'admin-inbox.stream', config: { policies: can('messagesRead') } },
    // The Candidates page.
    ...candidateAdminRoutes(can),
    // The inbox composer.
    { method: 'POST', path: '/messages', handler: 'admin-messages.send', config: { policies: can('messagesSend') } },
    { method: 'POST', path: '/messages/:id/retry', handler: 'admin-messages.retry', config: { policies: can('messagesSend') } },
    // The Templates page (create and edit stay in the Content Manager).
    { method: 'GET', path: '/templates', handler: 'template-actions.adminFind', config: { policies: can('templatesRead') } },
    { method: 'POST', path: '/templates/sync', handler: 'template-actions.sync', config: { policies: can('templatesManage') } },
    { method: 'POST', path: '/templates/:id/submit', handler: 'template-actions.submit', config: { policies: can('templatesManage') } },
    { method: 'POST', path: '/templates/:id/preview', handler: 'template-actions.preview', config: { policies: can('templatesRead') } },
    // The Sync status page: asking Twilio is `syncRun`; what it found is message data (`messagesRead`).
    { method: 'POST', path: '/sync-status', handler: 'status-sync.start', config: { policies: can('syncRun') } },
    { method: 'GET', path: '/sync-status', handler: 'status-sync.find', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/sync-status/:id', handler: 'status-sync.findOne', config: { policies: can('messagesRead') } },
    // The Campaigns page and the New campaign wizard.
    ...audienceAdminRoutes(can),
    ...campaignEditorRoutes(can),
    { method: 'GET', path: '/campaigns', handler: 'admin-campaigns.find', config: { policies: can('campaignsRead') } },
    { method: 'GET', path: '/campaigns/:id', handler: 'admin-campaigns.findOne', config: { policies: can('campaignsRead') } },
    { method: 'POST', path: '/campaigns/:id/launch', handler: 'campaign-actions.launch', config: { policies: can('campaignsManage') } },
    { method: 'POST', path: '/campaigns/:id/pause', handler: 'campaign-actions.pause', config: { policies: can('campaignsManage') } },
    { method: 'POST', path: '/campaigns/:id/resume', handler: 'campaign-actions.resume', config: { policies: can('campaignsManage') } },
    { method: 'POST', path: '/campaigns/:id/cancel', handler: 'campaign-actions.cancel', config: { policies: can('campaignsManage') } },
    { method: 'POST', path: '/campaigns/:id/retry-failed', handler: 'campaign-actions.retryFailed', config: { policies: can('campaignsManage') } },
    { method: 'GET', path: '/campaigns/:id/recipients', handler: 'campaign-actions.recipients', config: { policies: can('campaignsRead') } },
  ],
};
