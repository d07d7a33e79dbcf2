import { actorOfState, requestActor } from '../request-actor';
import { actorLabel } from '../../../../shared/audit';

describe('actorOfState: who made a request, from Strapi auth state', () => {
  it('reads an API token (Strapi 5 strategy name and the older one)', () => {
    for (const name of ['content-api-token', 'api-token']) {
      expect(actorOfState({ auth: { strategy: { name }, credentials: { id: 7, name: 'CRM' } } })).toEqual({ type: 'api-token', id: '7', name: 'CRM' });
    }
  });

  it('reads a users-permissions user by username, else e-mail', () => {
    expect(actorOfState({ auth: { strategy: { name: 'users-permissions' }, credentials: { id: 3, username: 'ravi' } }, user: { id: 3, username: 'ravi' } })).toEqual({
      type: 'user',
      id: '3',
      name: 'ravi',
    });
    expect(actorOfState({ auth: { strategy: { name: 'users-permissions' }, credentials: { id: 4, email: 'a@b.c' } } })).toEqual({ type: 'user', id: '4', name: 'a@b.c' });
  });

  it('reads an admin user by full name, else e-mail', () => {
    expect(actorOfState({ auth: { strategy: { name: 'admin' } }, user: { id: 1, firstname: 'Ana', lastname: 'Silva' } })).toEqual({
      type: 'admin',
      id: '1',
      name: 'Ana Silva',
    });
    expect(actorOfState({ route: { info: { type: 'admin' } }, user: { id: 2, email: 'ops@x.io' } })).toEqual({ type: 'admin', id: '2', name: 'ops@x.io' });
  });

  it('an anonymous request is nobody; requestActor makes it the system', () => {
    expect(actorOfState({})).toBeNull();
    expect(actorOfState(undefined)).toBeNull();
    expect(requestActor({ state: {} })).toEqual({ type: 'system', id: null, name: 'System' });
  });
});

describe('actorLabel: how the thread names a message\'s cause', () => {
  it.each([
    [{ type: 'admin' as const, name: 'Ana' }, 'Ana (admin)'],
    [{ type: 'api-token' as const, name: 'CRM' }, 'API token: CRM'],
    [{ type: 'user' as const, name: 'ravi' }, 'ravi (user)'],
    [{ type: 'campaign' as const, name: 'Spring drive' }, 'Campaign: Spring drive'],
    [{ type: 'system' as const, name: 'System' }, 'System'],
  ])('%j → %s', (actor, label) => expect(actorLabel(actor)).toBe(label));

  it('says nothing for a message without an actor', () => expect(actorLabel(null)).toBeNull());
});
