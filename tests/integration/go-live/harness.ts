import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { createTwilioEmulator, type TwilioEmulator } from '../../../tools/twilio-emulator/src';
import type { GoLiveCheck, GoLiveCheckId, GoLiveReport } from '../../../plugins/whatsapp/shared/go-live';
import { apiAt } from '../helpers/api';
import { startIsolatedApp, type IsolatedApp } from '../setup/isolated-app';

export const DEFAULT_SENDER = '+15005550006';
export const SANDBOX = '+14155238886';

/**
 * An app of its own, talking to an emulator of its own (its account, senders and failures are
 * this suite's to change), with every Twilio setting left to the settings API so each test can
 * set up the state it checks.
 */
export const startGoLiveHarness = async (prefix: string) => {
  const emulator: TwilioEmulator = createTwilioEmulator({ stepMs: 50 });
  const { url: emulatorUrl } = await emulator.start();
  let app: IsolatedApp;
  try {
    app = await startIsolatedApp(prefix, {
      TWILIO_ACCOUNT_SID: '',
      TWILIO_AUTH_TOKEN: '',
      TWILIO_WHATSAPP_NUMBER: '',
      TWILIO_MESSAGING_SERVICE_SID: '',
      TWILIO_API_BASE_URL: emulatorUrl,
      TWILIO_CONTENT_BASE_URL: emulatorUrl,
      WHATSAPP_PUBLIC_URL: '',
      WHATSAPP_MPS: '50',
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  const admin = () => apiAt(app.url, app.adminJwt);
  const webhookUrl = `${app.url}/api/whatsapp/webhook`;

  const save = async (data: Record<string, unknown>) => {
    const response = await admin().put('/whatsapp/settings').send({ data });
    if (response.status !== 200) throw new Error(`settings: ${response.status} ${JSON.stringify(response.body)}`);
  };

  return {
    emulator,
    app,
    admin,
    webhookUrl,
    save,
    /** A working emulator account: upgraded, the default sender registered, its webhook ours. */
    async reset() {
      emulator.reset();
      emulator.configure({ inboundWebhookUrl: webhookUrl, stepMs: 50 });
      await save({
        accountSid: emulator.accountSid,
        authToken: emulator.authToken,
        whatsappNumber: DEFAULT_SENDER,
        messagingServiceSid: '',
        publicUrl: app.url,
      });
    },
    async report(check?: GoLiveCheckId): Promise<GoLiveReport> {
      const response = await admin().get('/whatsapp/settings/checks').query(check ? { check } : {});
      if (response.status !== 200) throw new Error(`checks: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.data as GoLiveReport;
    },
    async check(id: GoLiveCheckId): Promise<GoLiveCheck> {
      const report = await this.report(id);
      expect(report.checks.map((check) => check.id)).toEqual([id]);
      return report.checks[0]!;
    },
    async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ connectionString: app.databaseUrl });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async stop() {
      await app.stop();
      await emulator.stop();
    },
  };
};

export type GoLiveHarness = Awaited<ReturnType<typeof startGoLiveHarness>>;

/**
 * A reverse proxy such as nginx with `proxy_pass` and no `proxy_set_header Host`: it forwards
 * to the app but replaces the Host header with the app's own address. Listens on every
 * interface, so `localhost` reaches it whichever address family it resolves to.
 */
export const startHostRewritingProxy = async (target: string) => {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    forwarded.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    /** Its public address, as Twilio would be given it: another host name and port than the app's. */
    url: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
