import type { Core } from '@strapi/strapi';
import { SYSTEM_ACTOR, type Actor } from '../../../shared/audit';

type Credentials = { id?: number | string; documentId?: string; name?: string; username?: string; email?: string; firstname?: string; lastname?: string };
type RequestState = {
  auth?: { strategy?: { name?: string }; credentials?: Credentials | null };
  user?: Credentials | null;
  route?: { info?: { type?: string } };
};

const idOf = (value: Credentials) => (value.id === undefined || value.id === null ? null : String(value.id));

const adminName = (user: Credentials) => [user.firstname, user.lastname].filter(Boolean).join(' ').trim() || user.email || `admin #${user.id}`;

/**
 * Who made this request: the admin user (admin routes), the API token or the users-permissions
 * user (content API), or null for an anonymous request. Read from Strapi's auth state, never
 * from the request body, so a client cannot claim to be someone else.
 */
export const actorOfState = (state: RequestState | undefined | null): Actor | null => {
  if (!state) return null;
  const strategy = state.auth?.strategy?.name;
  const credentials = state.auth?.credentials ?? null;
  // Strapi 5 names the API token strategy 'content-api-token' ('api-token' in earlier releases).
  if ((strategy === 'content-api-token' || strategy === 'api-token') && credentials) {
    return { type: 'api-token', id: idOf(credentials), name: credentials.name ?? `token #${credentials.id}` };
  }
  if (strategy === 'users-permissions') {
    const user = state.user ?? credentials;
    if (user) return { type: 'user', id: idOf(user), name: user.username || user.email || `user #${user.id}` };
  }
  // Admin routes: the admin strategy puts the admin user in `state.user`.
  if ((strategy === 'admin' || state.route?.info?.type === 'admin') && state.user) {
    return { type: 'admin', id: idOf(state.user), name: adminName(state.user) };
  }
  return null;
};

/** The caller of a route, from its `ctx` (a request without a user counts as the system). */
export const requestActor = (ctx: { state: unknown }): Actor => actorOfState(ctx.state as RequestState) ?? SYSTEM_ACTOR;

/**
 * The actor of the request being served (Strapi keeps it per request), or the system when the
 * work runs outside a request (a job, the scheduler). For callers without a `ctx` of their own.
 */
export const currentActor = (strapi: Core.Strapi): Actor => {
  const requestContext = (strapi as unknown as { requestContext?: { get(): { state?: RequestState } | undefined } }).requestContext;
  return actorOfState(requestContext?.get()?.state) ?? SYSTEM_ACTOR;
};
