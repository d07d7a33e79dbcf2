import type { IncomingMessage } from 'node:http';
import type { EmulatorCore } from './emulator-core';

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  body: Buffer;
  /** This server's origin as the client addressed it. */
  origin: string;
  core: EmulatorCore;
}

export type RouteResult =
  | { status: number; json?: unknown }
  | { status: number; raw: Buffer; contentType: string }
  /** Accept the request but never answer; the socket is destroyed after holdMs. */
  | { holdMs: number };

export interface Route {
  method: string;
  /** `twilio`: HTTP Basic with the account's credentials; `none`: the control API. */
  auth: 'twilio' | 'none';
  pattern: RegExp;
  keys: string[];
  handler: (context: RouteContext) => RouteResult | Promise<RouteResult>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/Accounts/:accountSid/Messages/:sid.json` style paths. */
export const route = (
  method: string,
  path: string,
  handler: Route['handler'],
  auth: Route['auth'] = 'twilio',
): Route => {
  const keys: string[] = [];
  const source = path
    .split(/(:[A-Za-z]+)/)
    .map((part) => {
      if (!part.startsWith(':')) return escapeRegExp(part);
      keys.push(part.slice(1));
      return '([^/]+?)';
    })
    .join('');
  return { method, auth, pattern: new RegExp(`^${source}$`), keys, handler };
};

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed' }
  | { kind: 'not-found' };

export const matchRoute = (routes: readonly Route[], method: string, pathname: string): RouteMatch => {
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    candidate.keys.forEach((key, index) => {
      params[key] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { kind: 'found', route: candidate, params };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
};
