import request from 'supertest';
import { readContext } from '../setup/context';

export const ctx = readContext();

/** supertest against the app at `url`, authenticated with the given bearer token (none = public). */
export const apiAt = (url: string, token?: string) => {
  const agent = request(url);
  const withAuth = <T extends request.Test>(test: T): T => (token ? (test.set('Authorization', `Bearer ${token}`) as T) : test);
  return {
    get: (path: string) => withAuth(agent.get(path)),
    post: (path: string) => withAuth(agent.post(path)),
    put: (path: string) => withAuth(agent.put(path)),
    delete: (path: string) => withAuth(agent.delete(path)),
  };
};

/** supertest against the run's app. */
export const api = (token?: string) => apiAt(ctx.url, token);

/** Full-access API token: the content API as another app would use it. */
export const contentApi = () => api(ctx.fullAccessToken);

/** The admin panel's own API, as the super admin. */
export const adminApi = () => api(ctx.adminJwt);

/** Strapi's error body, asserted whole so a test notices a changed shape. */
export const expectStrapiError = (body: unknown, status: number, name?: string) => {
  expect(body).toEqual({
    data: null,
    error: expect.objectContaining({ status, ...(name ? { name } : {}), message: expect.any(String) }),
  });
};
