import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTwilioClient, type TwilioClient } from '../../plugins/whatsapp/server/src/twilio/client-factory';
import { createTwilioEmulator, type TwilioEmulator, type TwilioEmulatorOptions } from '../../tools/twilio-emulator/src';

export const WA_SENDER = 'whatsapp:+14155238886';
export const WA_CANDIDATE = 'whatsapp:+919876543210';

export interface Harness {
  emulator: TwilioEmulator;
  client: TwilioClient;
  clientWith(options?: { authToken?: string; timeoutMs?: number }): TwilioClient;
}

export const startHarness = async (options: TwilioEmulatorOptions = {}): Promise<Harness> => {
  const emulator = createTwilioEmulator(options);
  const { url } = await emulator.start();
  const clientWith = (overrides: { authToken?: string; timeoutMs?: number } = {}): TwilioClient =>
    createTwilioClient({
      accountSid: emulator.accountSid,
      authToken: overrides.authToken ?? emulator.authToken,
      apiBaseUrl: url,
      contentBaseUrl: url,
      ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
    });
  return { emulator, client: clientWith(), clientWith };
};

export interface ReceivedRequest {
  /** Full URL as the sender addressed it (what Twilio signs). */
  url: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status the receiver answers with; 200 unless changed. */
  status: number;
  close(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
}

/** A tiny webhook endpoint standing in for the plugin. */
export const startReceiver = async (): Promise<Receiver> => {
  const requests: ReceivedRequest[] = [];
  let server: Server;
  const receiver: Receiver = {
    url: '',
    requests,
    status: 200,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return requests;
    },
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        url: `${receiver.url}${req.url ?? ''}`,
        headers: req.headers,
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      });
      res.writeHead(receiver.status, { 'Content-Type': 'text/xml' });
      res.end('<Response/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the rejection of a promise that must reject. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<Record<string, unknown>> => {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to reject');
};

/**
 * An emulator (started with `options`) and a webhook receiver for one file's tests, both
 * stopped after them; before each test the emulator is reset and the receiver emptied.
 */
export const useEmulatorAndReceiver = (options: TwilioEmulatorOptions) => {
  const setup = {} as { h: Harness; receiver: Receiver };
  beforeAll(async () => {
    setup.h = await startHarness(options);
    setup.receiver = await startReceiver();
  });
  afterAll(async () => {
    await setup.h?.emulator.stop();
    await setup.receiver?.close();
  });
  beforeEach(() => {
    setup.h.emulator.reset();
    setup.receiver.requests.length = 0;
  });
  return setup;
};
