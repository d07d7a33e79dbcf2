import path from 'node:path';

/** What the launcher must start when the user has not pointed us at a server. */
export interface EmbeddedDatabasePlan {
  dataDir: string;
  database: string;
}

type Env = Record<string, string | undefined>;

/**
 * Picks the database: the user's server when `DATABASE_URL` or `DATABASE_HOST`
 * is set (null: nothing to start, config/database.ts reads their variables),
 * otherwise an embedded cluster kept between runs under `<appRoot>/.tmp/postgres`.
 */
export function resolveDatabaseEnv(env: Env, appRoot: string): EmbeddedDatabasePlan | null {
  if (env.DATABASE_URL?.trim() || env.DATABASE_HOST?.trim()) return null;
  return {
    dataDir: path.join(appRoot, '.tmp', 'postgres'),
    database: env.DATABASE_NAME?.trim() || 'strapi',
  };
}

/** The variables handed to Strapi for a started embedded server (a local cluster has no TLS). */
export function embeddedDatabaseEnv(server: { connectionString: string }): Record<string, string> {
  return { DATABASE_CLIENT: 'postgres', DATABASE_URL: server.connectionString, DATABASE_SSL: 'false' };
}
