import {
  toApprovalCreate,
  toApprovalFetch,
  toContentAndApprovals,
  toContentResource,
} from '../content-resource';
import type { StoredContent } from '../content-types';
import { parseJsonBody } from '../http-utils';
import { paginate, readPageRequest } from '../paging';
import { route, type Route, type RouteContext } from '../router';
import { notFound } from '../twilio-error';

/** The Content API answers with absolute URLs; the SDK follows `meta.next_page_url` as given. */
const pageUrl = (origin: string, path: string, pageSize: number, page: number, token: string | null): string => {
  const params = new URLSearchParams({ PageSize: String(pageSize), Page: String(page) });
  if (token) params.set('PageToken', token);
  return `${origin}${path}?${params.toString()}`;
};

const listed = (path: string, render: (content: StoredContent, origin: string) => Record<string, unknown>) =>
  ({ core, url, origin }: RouteContext) => {
    core.checkFailure('content');
    const request = readPageRequest(url.searchParams);
    const result = paginate(core.contents.list(), request, (content) => content.sid);
    return {
      status: 200,
      json: {
        contents: result.items.map((content) => render(content, origin)),
        meta: {
          page: result.page,
          page_size: result.pageSize,
          first_page_url: pageUrl(origin, path, result.pageSize, 0, null),
          previous_page_url: result.previousToken
            ? pageUrl(origin, path, result.pageSize, Math.max(result.page - 1, 0), result.previousToken)
            : null,
          url: pageUrl(origin, path, result.pageSize, result.page, request.pageToken),
          next_page_url: result.nextToken
            ? pageUrl(origin, path, result.pageSize, result.page + 1, result.nextToken)
            : null,
          key: 'contents',
        },
      },
    };
  };

const findContent = ({ core, params, url }: RouteContext): StoredContent => {
  core.checkFailure('content');
  const content = core.contents.get(params.sid ?? '');
  if (!content) throw notFound(url.pathname);
  return content;
};

export const contentRoutes: Route[] = [
  route('GET', '/v1/Content', listed('/v1/Content', toContentResource)),
  route('GET', '/v1/ContentAndApprovals', listed('/v1/ContentAndApprovals', toContentAndApprovals)),
  route('POST', '/v1/Content', ({ core, body, origin }) => {
    core.checkFailure('content');
    return { status: 201, json: toContentResource(core.contents.createFromApi(parseJsonBody(body)), origin) };
  }),
  route('GET', '/v1/Content/:sid', (context) => ({
    status: 200,
    json: toContentResource(findContent(context), context.origin),
  })),
  route('DELETE', '/v1/Content/:sid', (context) => {
    context.core.deleteContent(findContent(context).sid);
    return { status: 204 };
  }),
  route('POST', '/v1/Content/:sid/ApprovalRequests/whatsapp', (context) => {
    const content = findContent(context);
    context.core.submitForApproval(content, parseJsonBody(context.body));
    return { status: 201, json: toApprovalCreate(content) };
  }),
  route('GET', '/v1/Content/:sid/ApprovalRequests', (context) => ({
    status: 200,
    json: toApprovalFetch(findContent(context), context.origin),
  })),
];
