/** Twilio keeps second precision; dropping milliseconds keeps filters and responses consistent. */
export const nowSeconds = (): Date => new Date(Math.floor(Date.now() / 1000) * 1000);

/** The 2010-04-01 API's date format: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export const rfc2822 = (date: Date): string => date.toUTCString().replace(/GMT$/, '+0000');

/** The v1 APIs' (Content) date format: `2023-08-24T05:01:45Z`. */
export const iso8601 = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface DateBound {
  /** Inclusive lower bound. */
  start: Date;
  /** Inclusive upper bound. */
  end: Date;
}

/**
 * Reads a DateSent filter value. A bare `YYYY-MM-DD` covers that whole UTC day (how Twilio
 * documents the filter); a date-time (what the SDK sends for Date objects) is exact to the second.
 */
export const parseDateFilter = (value: string): DateBound | null => {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const start = new Date(`${trimmed}T00:00:00Z`);
    if (Number.isNaN(start.getTime())) return null;
    return { start, end: new Date(start.getTime() + 86_399_000) };
  }
  const parsed = new Date(trimmed);
  if (Number.isNaN(parsed.getTime())) return null;
  const exact = new Date(Math.floor(parsed.getTime() / 1000) * 1000);
  return { start: exact, end: exact };
};
