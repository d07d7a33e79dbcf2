import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertAuthenticated } from './auth';
import type { EmulatorCore } from './emulator-core';
import { readBody, requestOrigin, sendJson, sendTwilioError } from './http-utils';
import { matchRoute, type Route, type RouteResult } from './router';
import { accountRoutes } from './routes/accounts';
import { contentRoutes } from './routes/content';
import { controlRoutes } from './routes/control';
import { messageRoutes } from './routes/messages';
import { senderControlRoutes } from './routes/control-senders';
import { senderRoutes } from './routes/senders';
import { notFound, TwilioApiError } from './twilio-error';

const ROUTES: readonly Route[] = [
  ...controlRoutes,
  ...senderControlRoutes,
  ...messageRoutes,
  ...contentRoutes,
  ...accountRoutes,
  ...senderRoutes,
];

const isControlPath = (pathname: string): boolean => pathname === '/__emulator' || pathname.startsWith('/__emulator/');

/** The HTTP side: routing, auth, Twilio error bodies, and requests that are never answered. */
export class EmulatorServer {
  private server: Server | null = null;
  private readonly heldTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly core: EmulatorCore) {}

  async listen(port: number, host: string): Promise<string> {
    if (this.server) return this.core.baseUrl;
    const server = createServer((req, res) => {
      void this.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return `http://${shownHost}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const timer of this.heldTimers) clearTimeout(timer);
    this.heldTimers.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.invalid');
      const body = await readBody(req);
      const match = matchRoute(ROUTES, req.method ?? 'GET', url.pathname);
      const control = isControlPath(url.pathname);
      if (!control) {
        // Twilio authenticates before it routes: a wrong password gets 401 even on unknown paths.
        // `[^/.]`: the account fetch path is `/Accounts/{Sid}.json`.
        const accountSid = /^\/2010-04-01\/Accounts\/([^/.]+)/.exec(url.pathname)?.[1];
        assertAuthenticated(req, this.core, accountSid);
      }
      if (match.kind === 'not-found') throw control ? new TwilioApiError(404, 20404, 'Unknown control route') : notFound(url.pathname);
      if (match.kind === 'method-not-allowed') throw new TwilioApiError(405, 20004, 'Method not allowed');
      const result = await match.route.handler({
        req,
        url,
        params: match.params,
        body,
        origin: requestOrigin(req, this.core.baseUrl),
        core: this.core,
      });
      this.respond(req, res, result);
    } catch (error) {
      if (error instanceof TwilioApiError) {
        sendTwilioError(res, error);
        return;
      }
      process.stderr.write(`[twilio-emulator] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      sendTwilioError(res, new TwilioApiError(500, 20500, 'Internal Server Error'));
    }
  }

  private respond(req: IncomingMessage, res: ServerResponse, result: RouteResult): void {
    if ('holdMs' in result) {
      // The request was processed; only the answer is lost, as when Twilio's response times out.
      const timer = setTimeout(() => {
        this.heldTimers.delete(timer);
        req.socket.destroy();
      }, result.holdMs);
      timer.unref();
      this.heldTimers.add(timer);
      return;
    }
    if ('raw' in result) {
      res.writeHead(result.status, { 'Content-Type': result.contentType, 'Content-Length': result.raw.length });
      res.end(result.raw);
      return;
    }
    sendJson(res, result.status, result.json ?? {});
  }
}
