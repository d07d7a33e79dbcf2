import type { IncomingMessage, ServerResponse } from 'node:http';
import { newSid } from './ids';
import { TwilioApiError, type TwilioErrorBody } from './twilio-error';

const MAX_BODY_BYTES = 1_048_576;

export const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TwilioApiError(413, 20001, 'Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export const parseForm = (body: Buffer): URLSearchParams => new URLSearchParams(body.toString('utf8'));

export const parseJsonBody = (body: Buffer): unknown => {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TwilioApiError(400, 20001, 'Request body is not valid JSON');
  }
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const payload = status === 204 ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Twilio-Request-Id': newSid('RQ'),
  });
  res.end(payload);
};

export const sendTwilioError = (res: ServerResponse, error: TwilioApiError): void => {
  const body: TwilioErrorBody = error.toBody();
  sendJson(res, error.status, body);
};

/** The server's own origin as the client reached it, for absolute URLs in Content API paging. */
export const requestOrigin = (req: IncomingMessage, fallback: string): string => {
  const host = req.headers.host;
  return host ? `http://${host}` : fallback;
};
