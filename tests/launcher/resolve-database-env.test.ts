import path from 'node:path';
import { embeddedDatabaseEnv, resolveDatabaseEnv } from '../../database/resolve-database-env';

describe('resolveDatabaseEnv', () => {
  const appRoot = '/srv/app';

  it("uses the user's server when DATABASE_URL is set", () => {
    expect(resolveDatabaseEnv({ DATABASE_URL: 'postgres://u:p@db:5432/app' }, appRoot)).toBeNull();
  });

  it("uses the user's server when DATABASE_HOST is set", () => {
    expect(resolveDatabaseEnv({ DATABASE_HOST: 'db.internal', DATABASE_NAME: 'cms' }, appRoot)).toBeNull();
  });

  it('prefers the user server over everything else when both are set', () => {
    expect(resolveDatabaseEnv({ DATABASE_URL: 'postgres://x/y', DATABASE_HOST: 'h' }, appRoot)).toBeNull();
  });

  it('falls back to an embedded cluster under .tmp/postgres', () => {
    expect(resolveDatabaseEnv({}, appRoot)).toEqual({ dataDir: path.join(appRoot, '.tmp', 'postgres'), database: 'strapi' });
    expect(resolveDatabaseEnv({ DATABASE_URL: ' ', DATABASE_HOST: '' }, appRoot)).not.toBeNull();
    expect(resolveDatabaseEnv({ DATABASE_NAME: 'cms' }, appRoot)?.database).toBe('cms');
  });

  it('hands Strapi a postgres client and the server URL', () => {
    expect(embeddedDatabaseEnv({ connectionString: 'postgres://a:b@127.0.0.1:54329/strapi' })).toEqual({
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: 'postgres://a:b@127.0.0.1:54329/strapi',
      DATABASE_SSL: 'false',
    });
  });
});
