import { TwilioApiError } from './twilio-error';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest {
  pageSize: number;
  page: number;
  pageToken: string | null;
}

export interface PageResult<T> {
  items: T[];
  page: number;
  pageSize: number;
  start: number;
  nextToken: string | null;
  previousToken: string | null;
}

const readInt = (raw: string | null, name: string, fallback: number): number => {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new TwilioApiError(400, 20001, `Invalid ${name}: ${raw}`);
  }
  return value;
};

export const readPageRequest = (query: URLSearchParams): PageRequest => {
  const pageSize = readInt(query.get('PageSize'), 'PageSize', DEFAULT_PAGE_SIZE);
  return {
    pageSize: Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE),
    page: readInt(query.get('Page'), 'Page', 0),
    pageToken: query.get('PageToken'),
  };
};

/**
 * Twilio's page tokens point at a record (`PA<sid>` = after it, `PB<sid>` = before it), so a
 * client walking pages does not skip or repeat rows when new ones arrive in the meantime.
 */
export const paginate = <T>(items: readonly T[], request: PageRequest, sidOf: (item: T) => string): PageResult<T> => {
  const { pageSize, page, pageToken } = request;
  let start = page * pageSize;
  if (pageToken && pageToken.length > 2) {
    const index = items.findIndex((item) => sidOf(item) === pageToken.slice(2));
    if (index >= 0 && pageToken.startsWith('PA')) start = index + 1;
    if (index >= 0 && pageToken.startsWith('PB')) start = Math.max(0, index - pageSize);
  }
  const slice = items.slice(start, start + pageSize);
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    items: slice,
    page,
    pageSize,
    start,
    nextToken: last !== undefined && start + pageSize < items.length ? `PA${sidOf(last)}` : null,
    previousToken: first !== undefined && start > 0 ? `PB${sidOf(first)}` : null,
  };
};
