import { CONTENT_QUERY_MIDDLEWARE } from '../../middlewares/content-query';
import { webhookRoutes } from './webhooks';

/**
 * REST content API under /api/whatsapp (CONTRACT §6). Every route is a permission that a
 * Users & Permissions role or an API token must be granted; none is public.
 */
/** Every route: no policy beyond its permission; bad queries are 400s (middlewares/content-query.ts). */
const ROUTE_CONFIG = { policies: [], middlewares: [CONTENT_QUERY_MIDDLEWARE] };

const crud = (controller: string, path: string, actions: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'>) => {
  const byAction = {
    find: { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
    findOne: { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
    create: { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
    update: { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
    delete: { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
  } as const;
  return actions.map((action) => ({ ...byAction[action], config: ROUTE_CONFIG }));
};

export default {
  type: 'content-api',
  routes: [
    ...crud('candidate', 'candidates', ['find', 'findOne', 'create', 'update', 'delete']),
    ...crud('conversation', 'conversations', ['find', 'findOne']),
    { method: 'POST', path: '/conversations/:id/read', handler: 'conversation.markRead', config: ROUTE_CONFIG },
    ...crud('message', 'messages', ['find', 'findOne']),
    { method: 'POST', path: '/messages', handler: 'message.send', config: ROUTE_CONFIG },
    { method: 'POST', path: '/messages/:id/retry', handler: 'message.retry', config: ROUTE_CONFIG },
    // Before the generic /templates/:id routes.
    { method: 'POST', path: '/templates/sync', handler: 'template-actions.sync', config: ROUTE_CONFIG },
    { method: 'POST', path: '/templates/:id/submit', handler: 'template-actions.submit', config: ROUTE_CONFIG },
    { method: 'POST', path: '/templates/:id/preview', handler: 'template-actions.preview', config: ROUTE_CONFIG },
    ...crud('template', 'templates', ['find', 'findOne', 'create', 'update', 'delete']),
    // Campaign actions and per-recipient status (issue 6), before the generic /campaigns/:id routes.
    { method: 'POST', path: '/campaigns/:id/launch', handler: 'campaign-actions.launch', config: ROUTE_CONFIG },
    { method: 'POST', path: '/campaigns/:id/pause', handler: 'campaign-actions.pause', config: ROUTE_CONFIG },
    { method: 'POST', path: '/campaigns/:id/resume', handler: 'campaign-actions.resume', config: ROUTE_CONFIG },
    { method: 'POST', path: '/campaigns/:id/cancel', handler: 'campaign-actions.cancel', config: ROUTE_CONFIG },
    { method: 'POST', path: '/campaigns/:id/retry-failed', handler: 'campaign-actions.retryFailed', config: ROUTE_CONFIG },
    { method: 'GET', path: '/campaigns/:id/recipients', handler: 'campaign-actions.recipients', config: ROUTE_CONFIG },
    ...crud('campaign', 'campaigns', ['find', 'findOne', 'create', 'update', 'delete']),
    // Status sync (issue 7): 202 with a run; the overview; one run.
    { method: 'POST', path: '/sync-status', handler: 'status-sync.start', config: ROUTE_CONFIG },
    { method: 'GET', path: '/sync-status', handler: 'status-sync.find', config: ROUTE_CONFIG },
    { method: 'GET', path: '/sync-status/:id', handler: 'status-sync.findOne', config: ROUTE_CONFIG },
    ...webhookRoutes,
  ],
};
