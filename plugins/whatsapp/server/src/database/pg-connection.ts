import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';

type KnexConnection = Record<string, unknown> & { connectionString?: string };

const PG_KEYS = ['connectionString', 'host', 'port', 'database', 'user', 'password', 'ssl'] as const;

/**
 * `pg` connection settings from Strapi's database config, for the connections the plugin
 * opens beside Strapi's pool (pg-boss, the LISTEN for live updates). Strapi's `schema` is left
 * out: it means nothing to those connections.
 */
export const pgConnectionOptions = (strapi: Core.Strapi): ClientConfig => {
  const connection = strapi.config.get('database.connection.connection') as KnexConnection | string | undefined;
  if (typeof connection === 'string') return { connectionString: connection };
  if (!connection) throw new Error('No database connection configured');
  return Object.fromEntries(
    PG_KEYS.filter((key) => connection[key] !== undefined && connection[key] !== '').map((key) => [key, connection[key]])
  ) as ClientConfig;
};
