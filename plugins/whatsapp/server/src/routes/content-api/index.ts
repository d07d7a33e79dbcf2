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
    ...crud('conversation', 'conversations', ['find', 'findOne']),
    { method: 'POST', path: '/conversations/:id/read', handler: 'conversation.markRead', config: { policies: [] } },
    ...crud('message', 'messages', ['find', 'findOne']),
    ...crud('template', 'templates', ['find', 'findOne', 'create', 'update', 'delete']),
    ...crud('campaign', 'campaigns', ['find', 'findOne', 'create', 'update', 'delete']),
  ],
};
