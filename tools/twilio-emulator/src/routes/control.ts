import { readConfigPatch } from '../config';
import type { ApprovalChange, SeedContentInput } from '../content-types';
import { UnknownResourceError } from '../emulator-core';
import { isRecord, parseJsonBody } from '../http-utils';
import type { InboundInput } from '../inbound';
import { route, type Route, type RouteContext, type RouteResult } from '../router';
import { TwilioApiError } from '../twilio-error';
import type { MessageDirection, MessageStatus } from '../types';

const PREFIX = '/__emulator';

/** Control answers are plain JSON: `{ error }` with 400 for bad input and 404 for unknown ids. */
export const control = (method: string, path: string, handler: (context: RouteContext) => unknown): Route =>
  route(
    method,
    `${PREFIX}${path}`,
    async (context): Promise<RouteResult> => {
      try {
        const json = await handler(context);
        return json === undefined ? { status: 204 } : { status: 200, json };
      } catch (error) {
        if (error instanceof UnknownResourceError) return { status: 404, json: { error: error.message } };
        if (error instanceof TypeError || error instanceof TwilioApiError) {
          return { status: 400, json: { error: error.message } };
        }
        throw error;
      }
    },
    'none',
  );

export const jsonObject = (context: RouteContext): Record<string, unknown> => {
  const body = parseJsonBody(context.body);
  if (!isRecord(body)) throw new TypeError('body must be a JSON object');
  return body;
};

const optional = (query: URLSearchParams, name: string): string | undefined => query.get(name) ?? undefined;

export const controlRoutes: Route[] = [
  control('GET', '/health', ({ core }) => ({ ok: true, accountSid: core.accountSid, url: core.baseUrl })),
  control('POST', '/reset', ({ core }) => {
    core.reset();
    return { ok: true };
  }),
  control('GET', '/config', ({ core }) => core.getConfig()),
  control('POST', '/config', (context) => context.core.configure(readConfigPatch(jsonObject(context)))),
  control('GET', '/failures', ({ core }) => ({ rules: core.failures.list() })),
  control('POST', '/failures', (context) => {
    const body = parseJsonBody(context.body);
    const rules = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.rules) ? body.rules : [body];
    return { rules: context.core.failures.push(rules) };
  }),
  control('DELETE', '/failures', ({ core }) => {
    core.failures.clear();
    return { ok: true };
  }),
  control('POST', '/inbound', (context) => context.core.sendInbound(jsonObject(context) as unknown as InboundInput)),
  control('POST', '/windows/close', (context) => {
    const body = jsonObject(context);
    return context.core.closeWindow({ sender: body.sender, candidate: body.candidate });
  }),
  control('GET', '/messages', ({ core, url }) => {
    const direction = optional(url.searchParams, 'direction') as MessageDirection | undefined;
    // A `+` left unencoded in a query string arrives as a space.
    const to = optional(url.searchParams, 'to')?.replace(/ /g, '+');
    const status = optional(url.searchParams, 'status') as MessageStatus | undefined;
    return { messages: core.listMessages({ ...(direction ? { direction } : {}), ...(to ? { to } : {}), ...(status ? { status } : {}) }) };
  }),
  control('GET', '/messages/:sid', ({ core, params }) => {
    const message = core.getMessage(params.sid ?? '');
    if (!message) throw new UnknownResourceError(`no message ${params.sid ?? ''}`);
    return message;
  }),
  control('POST', '/messages/:sid/status', (context) => {
    const body = jsonObject(context);
    if (typeof body.status !== 'string') throw new TypeError('status is required');
    if (body.errorCode !== undefined && body.errorCode !== null && typeof body.errorCode !== 'number') {
      throw new TypeError('errorCode must be a number');
    }
    return context.core.setMessageStatus(context.params.sid ?? '', body.status as MessageStatus, {
      callback: body.callback !== false,
      ...(body.errorCode !== undefined ? { errorCode: body.errorCode as number | null } : {}),
      ...(typeof body.errorMessage === 'string' ? { errorMessage: body.errorMessage } : {}),
    });
  }),
  control('GET', '/callbacks', ({ core, url }) => {
    const messageSid = optional(url.searchParams, 'messageSid');
    const kind = optional(url.searchParams, 'kind') as 'status' | 'inbound' | undefined;
    return { callbacks: core.listCallbacks({ ...(messageSid ? { messageSid } : {}), ...(kind ? { kind } : {}) }) };
  }),
  control('GET', '/content', ({ core }) => ({ contents: core.listContent() })),
  control('POST', '/content', (context) => context.core.seedContent(jsonObject(context) as SeedContentInput)),
  control('POST', '/content/:sid/approval', (context) => {
    const body = jsonObject(context);
    return context.core.setContentApproval(context.params.sid ?? '', body as unknown as ApprovalChange);
  }),
];
