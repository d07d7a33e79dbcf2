import { CONTENT_QUERY_MIDDLEWARE } from '../middlewares/content-query';

/**
 * Every REST route: no policy beyond its permission (none is public); bad queries are 400s.
 * A new object per route: Strapi writes each route's permission scope into its config.
 */
export const routeConfig = () => ({ policies: [] as unknown[], middlewares: [CONTENT_QUERY_MIDDLEWARE] });

/** Strapi's generic collection routes for one content type's controller. */
export const crud = (controller: string, path: string, actions: Array<'find' | 'findOne' | 'create' | 'update' | 'delete'>) => {
  const byAction = {
    find: { method: 'GET', path: `/${path}`, handler: `${controller}.find` },
    findOne: { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne` },
    create: { method: 'POST', path: `/${path}`, handler: `${controller}.create` },
    update: { method: 'PUT', path: `/${path}/:id`, handler: `${controller}.update` },
    delete: { method: 'DELETE', path: `/${path}/:id`, handler: `${controller}.delete` },
  } as const;
  return actions.map((action) => ({ ...byAction[action], config: routeConfig() }));
};

/** One custom REST route. */
export const route = (method: string, path: string, handler: string) => ({ method, path, handler, config: routeConfig() });
