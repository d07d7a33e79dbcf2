import type { IntlShape } from 'react-intl';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "in 3 hours": the largest unit that fits, in the admin's locale. */
export const relativeTime = (intl: IntlShape, iso: string | null | undefined, now = Date.now()): string => {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return intl.formatRelativeTime(Math.round(seconds / size), unit, { numeric: 'auto' });
  }
  return intl.formatRelativeTime(0, 'minute', { numeric: 'auto' });
};
