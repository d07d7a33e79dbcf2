/**
 * The plugin runs on PostgreSQL only: its queue, locks, unique upserts and live updates use
 * PostgreSQL features, and its own connections are opened with `pg`. Pure rule, no Strapi imports.
 */
const POSTGRES_CLIENTS = new Set(['postgres', 'postgresql', 'pg']);

/** Null for a PostgreSQL client, else why the plugin cannot start and what to configure. */
export const databaseClientProblem = (client: unknown): string | null =>
  typeof client === 'string' && POSTGRES_CLIENTS.has(client)
    ? null
    : `[whatsapp] The WhatsApp plugin needs PostgreSQL, but config/database sets connection.client to ${JSON.stringify(client ?? null)}. ` +
      "Set connection.client to 'postgres' with a PostgreSQL connection, or disable the plugin in config/plugins.";
