import { CONTENT_QUERY_MIDDLEWARE } from '../../middlewares/content-query';
import { webhookRoutes } from './webhooks';
import { audienceContentRoutes } from '../../audiences';

/**
 * REST content API under /api/whatsapp. Every route is a permission that a
 * Users & Permissions role or an API token must be granted; none is public.
 */
/**
 * Every route: no policy beyond its permission; bad queries are 400s (middlewares/content-query.ts).
 * A new object per route: Strapi writes each route's permission scope into its config.
 */
const routeConfig = () => ({ policies: [], middlewares: [CONTENT_QUERY_MIDDLEWARE] });

const crud = (controller: string, path: string, actions: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'>) => {
  const byAction = {
    find: { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
    findOne: { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
    create: { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
    update: { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
    delete: { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
  } as const;
  return actions.map((action) => ({ ...byAction[action], config: routeConfig() }));
};

export default {
  type: 'content-api',
  routes: [
    ...crud('candidate', 'candidates', ['find', 'findOne', 'create', 'update', 'delete']),
    // Before the generic /conversations/:id route.
    { method: 'GET', path: '/conversations/latest', handler: 'conversation.latest', config: routeConfig() },
    ...crud('conversation', 'conversations', ['find', 'findOne']),
    { method: 'POST', path: '/conversations/:id/read', handler: 'conversation.markRead', config: routeConfig() },
    { method: 'GET', path: '/conversations/:id/messages', handler: 'conversation.messages', config: routeConfig() },
    ...crud('message', 'messages', ['find', 'findOne']),
    { method: 'POST', path: '/messages', handler: 'message.send', config: routeConfig() },
    { method: 'POST', path: '/messages/:id/retry', handler: 'message.retry', config: routeConfig() },
    // Before the generic /templates/:id routes.
    { method: 'POST', path: '/templates/sync', handler: 'template-actions.sync', config: routeConfig() },
    { method: 'POST', path: '/templates/:id/submit', handler: 'template-actions.submit', config: routeConfig() },
    { method: 'POST', path: '/templates/:id/preview', handler: 'template-actions.preview', config: routeConfig() },
    ...crud('template', 'templates', ['find', 'findOne', 'create', 'update', 'delete']),
    // Campaign actions, preview and per-recipient status, before the generic /campaigns/:id routes.
    ...audienceContentRoutes(routeConfig),
    { method: 'POST', path: '/campaigns/:id/launch', handler: 'campaign-actions.launch', config: routeConfig() },
    { method: 'POST', path: '/campaigns/:id/pause', handler: 'campaign-actions.pause', config: routeConfig() },
    { method: 'POST', path: '/campaigns/:id/resume', handler: 'campaign-actions.resume', config: routeConfig() },
    { method: 'POST', path: '/campaigns/:id/cancel', handler: 'campaign-actions.cancel', config: routeConfig() },
    { method: 'POST', path: '/campaigns/:id/retry-failed', handler: 'campaign-actions.retryFailed', config: routeConfig() },
    { method: 'GET', path: '/campaigns/:id/recipients', handler: 'campaign-actions.recipients', config: routeConfig() },
    ...crud('campaign', 'campaigns', ['find', 'findOne', 'create', 'update', 'delete']),
    // Status sync: 202 with a run; the overview; one run.
    { method: 'POST', path: '/sync-status', handler: 'status-sync.start', config: routeConfig() },
    { method: 'GET', path: '/sync-status', handler: 'status-sync.find', config: routeConfig() },
    { method: 'GET', path: '/sync-status/:id', handler: 'status-sync.findOne', config: routeConfig() },
    ...webhookRoutes,
  ],
};
