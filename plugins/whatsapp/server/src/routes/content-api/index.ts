import { webhookRoutes } from './webhooks';

/**
 * REST content API under /api/whatsapp (CONTRACT §6). Every route is a permission that a
 * Users & Permissions role or an API token must be granted; none is public.
 */
const crud = (controller: string, path: string, actions: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'>) => {
  const byAction = {
    find: { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
    findOne: { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
    create: { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
    update: { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
    delete: { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
  } as const;
  return actions.map((action) => ({ ...byAction[action], config: { policies: [] } }));
};

export default {
  type: 'content-api',
  routes: [
    ...crud('candidate', 'candidates', ['find', 'findOne', 'create', 'update', 'delete']),
    // Before the generic /conversations/:id route.
    { method: 'GET', path: '/conversations/latest', handler: 'conversation.latest', config: { policies: [] } },
    ...crud('conversation', 'conversations', ['find', 'findOne']),
    { method: 'POST', path: '/conversations/:id/read', handler: 'conversation.markRead', config: { policies: [] } },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'conversation.messages', config: { policies: [] } },
    ...crud('message', 'messages', ['find', 'findOne']),
    { method: 'POST', path: '/messages', handler: 'message.send', config: { policies: [] } },
    { method: 'POST', path: '/messages/:id/retry', handler: 'message.retry', config: { policies: [] } },
    // Before the generic /templates/:id routes.
    { method: 'POST', path: '/templates/sync', handler: 'template-actions.sync', config: { policies: [] } },
    { method: 'POST', path: '/templates/:id/submit', handler: 'template-actions.submit', config: { policies: [] } },
    { method: 'POST', path: '/templates/:id/preview', handler: 'template-actions.preview', config: { policies: [] } },
    ...crud('template', 'templates', ['find', 'findOne', 'create', 'update', 'delete']),
    // Campaign actions and per-recipient status (issue 6), before the generic /campaigns/:id routes.
    { method: 'POST', path: '/campaigns/:id/launch', handler: 'campaign-actions.launch', config: { policies: [] } },
    { method: 'POST', path: '/campaigns/:id/pause', handler: 'campaign-actions.pause', config: { policies: [] } },
    { method: 'POST', path: '/campaigns/:id/resume', handler: 'campaign-actions.resume', config: { policies: [] } },
    { method: 'POST', path: '/campaigns/:id/cancel', handler: 'campaign-actions.cancel', config: { policies: [] } },
    { method: 'POST', path: '/campaigns/:id/retry-failed', handler: 'campaign-actions.retryFailed', config: { policies: [] } },
    { method: 'GET', path: '/campaigns/:id/recipients', handler: 'campaign-actions.recipients', config: { policies: [] } },
    ...crud('campaign', 'campaigns', ['find', 'findOne', 'create', 'update', 'delete']),
    // Status sync (issue 7): 202 with a run; the overview; one run.
    { method: 'POST', path: '/sync-status', handler: 'status-sync.start', config: { policies: [] } },
    { method: 'GET', path: '/sync-status', handler: 'status-sync.find', config: { policies: [] } },
    { method: 'GET', path: '/sync-status/:id', handler: 'status-sync.findOne', config: { policies: [] } },
    ...webhookRoutes,
  ],
};
