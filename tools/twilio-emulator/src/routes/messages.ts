import { parseDateFilter } from '../dates';
import { parseForm } from '../http-utils';
import { messagesPath, toMessageResource } from '../message-resource';
import type { MessageFilter } from '../message-store';
import { paginate, readPageRequest } from '../paging';
import { route, type Route, type RouteContext } from '../router';
import { notFound, TwilioApiError } from '../twilio-error';

const BASE = '/2010-04-01/Accounts/:accountSid';

const readDate = (query: URLSearchParams, name: string) => {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const bound = parseDateFilter(raw);
  if (!bound) throw new TwilioApiError(400, 20001, `Invalid ${name}: ${raw}`);
  return bound;
};

const readFilter = (query: URLSearchParams): MessageFilter => {
  const filter: MessageFilter = {};
  const to = query.get('To');
  const from = query.get('From');
  if (to) filter.to = to;
  if (from) filter.from = from;
  const dateSent = readDate(query, 'DateSent');
  const before = readDate(query, 'DateSent<');
  const after = readDate(query, 'DateSent>');
  if (dateSent) filter.dateSent = dateSent;
  if (before) filter.dateSentBefore = before;
  if (after) filter.dateSentAfter = after;
  return filter;
};

/** Rebuilds a list URI with the same filters, as Twilio's first/next/previous page URIs do. */
const pageUri = (path: string, query: URLSearchParams, pageSize: number, page: number, token: string | null): string => {
  const params = new URLSearchParams();
  for (const key of ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>']) {
    const value = query.get(key);
    if (value !== null) params.set(key, value);
  }
  params.set('PageSize', String(pageSize));
  params.set('Page', String(page));
  if (token) params.set('PageToken', token);
  return `${path}?${params.toString()}`;
};

const list = ({ core, url }: RouteContext) => {
  core.checkFailure('list');
  const request = readPageRequest(url.searchParams);
  const matches = core.messages.query(readFilter(url.searchParams));
  const result = paginate(matches, request, (message) => message.sid);
  const path = messagesPath(core.accountSid);
  const query = url.searchParams;
  return {
    status: 200,
    json: {
      end: result.start + Math.max(result.items.length - 1, 0),
      first_page_uri: pageUri(path, query, result.pageSize, 0, null),
      messages: result.items.map(toMessageResource),
      next_page_uri: result.nextToken ? pageUri(path, query, result.pageSize, result.page + 1, result.nextToken) : null,
      page: result.page,
      page_size: result.pageSize,
      previous_page_uri: result.previousToken
        ? pageUri(path, query, result.pageSize, Math.max(result.page - 1, 0), result.previousToken)
        : null,
      start: result.start,
      uri: `${path}?${query.toString()}`,
    },
  };
};

const create = ({ core, body }: RouteContext) => {
  const { message, holdMs } = core.createMessage(parseForm(body));
  if (holdMs !== null) return { holdMs };
  return { status: 201, json: toMessageResource(message) };
};

const fetchOne = ({ core, params, url }: RouteContext) => {
  core.checkFailure('fetch');
  const message = core.messages.get(params.sid ?? '');
  if (!message) throw notFound(url.pathname);
  return { status: 200, json: toMessageResource(message) };
};

const remove = ({ core, params, url }: RouteContext) => {
  core.checkFailure('delete');
  if (!core.deleteMessage(params.sid ?? '')) throw notFound(url.pathname);
  return { status: 204 };
};

/** Media hosted for inbound messages sent without a URL. */
const media = ({ core, params, url }: RouteContext) => {
  const hosted = core.getMedia(params.sid ?? '', params.mediaSid ?? '');
  if (!hosted) throw notFound(url.pathname);
  return { status: 200, raw: hosted.data, contentType: hosted.contentType };
};

export const messageRoutes: Route[] = [
  route('GET', `${BASE}/Messages.json`, list),
  route('POST', `${BASE}/Messages.json`, create),
  route('GET', `${BASE}/Messages/:sid.json`, fetchOne),
  route('DELETE', `${BASE}/Messages/:sid.json`, remove),
  route('GET', `${BASE}/Messages/:sid/Media/:mediaSid`, media),
];
