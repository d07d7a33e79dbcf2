/** Reading raw SQL rows into API shapes. */

type Row = Record<string, unknown>;

/** The rows of a raw query's result (knex hands PostgreSQL's result over whole). */
export const rowsOf = (result: unknown): Row[] => (result as { rows?: Row[] }).rows ?? [];

/** A timestamp column as ISO 8601 UTC, or null (the driver gives Dates; a string is accepted too). */
export const isoOrNull = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : value ? new Date(String(value)).toISOString() : null;

/** A message row's error and delivery columns, as the APIs show them. */
export const deliveryFields = (row: Row) => ({
  errorCode: row.error_code === null || row.error_code === undefined ? null : Number(row.error_code),
  errorMessage: (row.error_message as string | null) ?? null,
  sentAt: isoOrNull(row.sent_at),
  deliveredAt: isoOrNull(row.delivered_at),
  readAt: isoOrNull(row.read_at),
  failedAt: isoOrNull(row.failed_at),
});

/** A json column of a raw row: Strapi's driver settings hand jsonb over as text. */
export const jsonColumn = <T>(value: unknown): T | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
};
