import twilio from 'twilio';
import { WEBHOOK_FAILED_SIGNATURE_LIMIT } from '../../../plugins/whatsapp/server/src/constants';
import { ctx, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import {
  FORM,
  footprint,
  freshClientAddress,
  inboundParams,
  INBOUND_PATH,
  insertOutboundMessage,
  messageByDocumentId,
  newSid,
  postInbound,
  postSigned,
  rawRequest,
  signatureFor,
  STATUS_PATH,
  statusPath,
  type Params,
  type RawResponse,
} from './support';

type BadRequest = {
  label: string;
  status: number;
  name?: string;
  /** The request, from params that carry the case's own MessageSid and the known candidate's number. */
  send: (params: Params) => Promise<RawResponse>;
  path?: string;
};

const form = (params: Params) => new URLSearchParams(params).toString();
const without = (params: Params, ...names: string[]) => Object.fromEntries(Object.entries(params).filter(([name]) => !names.includes(name)));

const postForm = (path: string, body: string | Buffer, signature?: string, contentType = FORM) =>
  rawRequest(path, { headers: { 'content-type': contentType, ...(signature ? { 'x-twilio-signature': signature } : {}) }, body });

const signedWith = (path: string, params: Params) => postForm(path, form(params), signatureFor(path, params));

const INBOUND_CASES: BadRequest[] = [
  { label: 'no signature', status: 403, send: (p) => postForm(INBOUND_PATH, form(p)) },
  {
    label: 'a signature for another URL',
    status: 403,
    send: (p) => postForm(INBOUND_PATH, form(p), signatureFor(INBOUND_PATH, p, `https://attacker.example.com${INBOUND_PATH}`)),
  },
  { label: 'a signature for the status URL', status: 403, send: (p) => postForm(INBOUND_PATH, form(p), signatureFor(STATUS_PATH, p)) },
  { label: 'a tampered parameter', status: 403, send: (p) => postForm(INBOUND_PATH, form({ ...p, Body: 'changed' }), signatureFor(INBOUND_PATH, p)) },
  { label: 'an added parameter', status: 403, send: (p) => postForm(INBOUND_PATH, form({ ...p, Extra: '1' }), signatureFor(INBOUND_PATH, p)) },
  { label: 'a removed parameter', status: 403, send: (p) => postForm(INBOUND_PATH, form(without(p, 'WaId')), signatureFor(INBOUND_PATH, p)) },
  {
    label: 'a signature made with another auth token',
    status: 403,
    send: (p) =>
      postForm(INBOUND_PATH, form(p), twilio.getExpectedTwilioSignature('not-the-token', `${ctx.publicUrl}${INBOUND_PATH}`, p)),
  },
  { label: 'a garbage signature', status: 403, send: (p) => postForm(INBOUND_PATH, form(p), '!!!not base64!!!') },
  { label: 'no MessageSid', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, without(p, 'MessageSid')) },
  { label: 'no From', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, without(p, 'From')) },
  { label: 'a From that is not a phone number', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, { ...p, From: 'whatsapp:hello' }) },
  { label: 'a MessageSid that is not a SID', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, { ...p, MessageSid: "SM'; DROP TABLE x" }) },
  {
    label: '50 media',
    status: 400,
    name: 'ValidationError',
    send: (p) => {
      const media: Params = { NumMedia: '50' };
      for (let i = 0; i < 50; i += 1) {
        media[`MediaUrl${i}`] = `https://api.twilio.com/media/ME${i}`;
        media[`MediaContentType${i}`] = 'image/jpeg';
      }
      return signedWith(INBOUND_PATH, { ...p, ...media });
    },
  },
  {
    label: 'NumMedia without its MediaUrl',
    status: 400,
    name: 'ValidationError',
    send: (p) => signedWith(INBOUND_PATH, { ...p, NumMedia: '2', MediaUrl0: 'https://api.twilio.com/m/1', MediaContentType0: 'image/png' }),
  },
  { label: 'a Latitude without Longitude', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, { ...p, Latitude: '12.9' }) },
  { label: 'a Latitude out of range', status: 400, name: 'ValidationError', send: (p) => signedWith(INBOUND_PATH, { ...p, Latitude: '120', Longitude: '77' }) },
  {
    label: 'a JSON body (non-form content type)',
    status: 415,
    name: 'UnsupportedMediaTypeError',
    send: (p) => postForm(INBOUND_PATH, JSON.stringify(p), signatureFor(INBOUND_PATH, p), 'application/json'),
  },
  {
    label: 'a text/plain body',
    status: 415,
    name: 'UnsupportedMediaTypeError',
    send: (p) => postForm(INBOUND_PATH, form(p), signatureFor(INBOUND_PATH, p), 'text/plain'),
  },
  {
    label: 'a multipart body',
    status: 415,
    name: 'UnsupportedMediaTypeError',
    send: (p) => {
      const boundary = 'xyzBOUNDARY';
      const body = `${Object.entries(p)
        .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join('')}--${boundary}--\r\n`;
      return postForm(INBOUND_PATH, body, signatureFor(INBOUND_PATH, p), `multipart/form-data; boundary=${boundary}`);
    },
  },
  { label: 'no content type', status: 415, name: 'UnsupportedMediaTypeError', send: (p) => rawRequest(INBOUND_PATH, { body: form(p), headers: { 'x-twilio-signature': signatureFor(INBOUND_PATH, p) } }) },
  {
    label: 'a 2 MB body',
    status: 413,
    name: 'PayloadTooLargeError',
    send: (p) => signedWith(INBOUND_PATH, { ...p, Body: 'a'.repeat(2 * 1024 * 1024) }),
  },
  {
    label: 'raw bytes that are not UTF-8',
    status: 400,
    name: 'ValidationError',
    send: (p) =>
      postForm(
        INBOUND_PATH,
        Buffer.concat([Buffer.from(`${form(without(p, 'Body'))}&Body=`), Buffer.from([0xff, 0xfe, 0x41])]),
        // Signed over what a lenient reader would make of the bytes: still refused.
        signatureFor(INBOUND_PATH, { ...p, Body: '\uFFFD\uFFFDA' })
      ),
  },
  {
    label: 'percent-encoded bytes that are not UTF-8',
    status: 400,
    name: 'ValidationError',
    send: (p) => postForm(INBOUND_PATH, `${form(without(p, 'Body'))}&Body=%FF%FE`, signatureFor(INBOUND_PATH, { ...p, Body: '%FF%FE' })),
  },
  {
    label: 'a NUL character',
    status: 400,
    name: 'ValidationError',
    send: (p) => signedWith(INBOUND_PATH, { ...p, Body: 'a\u0000b' }),
  },
];

describe('webhook requests that are refused', () => {
  let phone: string;

  beforeAll(async () => {
    // A candidate with a conversation already, so "nothing stored" also means "nothing updated".
    phone = uniqueIndianMobile();
    const { response } = await postInbound({ From: phone, Body: 'first contact' });
    expect(response.status).toBe(200);
  });

  it.each(INBOUND_CASES.map((c) => [c.label, c] as const))('inbound with %s → its status, nothing stored', async (_label, badRequest) => {
    const sid = newSid();
    const params = inboundParams({ MessageSid: sid, From: phone, Body: 'Please call me' });
    const before = await footprint({ sids: [sid], phones: [phone] });
    const response = await badRequest.send(params);
    expect(response.status).toBe(badRequest.status);
    expectStrapiError(response.json, badRequest.status, badRequest.name);
    expect(await footprint({ sids: [sid], phones: [phone] })).toEqual(before);
    expect(before).toMatchObject({ messages: 1, candidates: 1, conversations: 1, statusEvents: 0 });
  });

  it('answers 413 to a client still sending a large body, every time (the rest is read, not cut off)', async () => {
    const params = inboundParams({ MessageSid: newSid(), From: phone, Body: 'a'.repeat(8 * 1024 * 1024) });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await signedWith(INBOUND_PATH, params);
      expect(response.status).toBe(413);
      expectStrapiError(response.json, 413, 'PayloadTooLargeError');
    }
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE'])('%s on either webhook path → 405 with Allow: POST', async (method) => {
    for (const path of [INBOUND_PATH, STATUS_PATH]) {
      const response = await rawRequest(path, { method, headers: { 'content-type': FORM }, body: method === 'GET' ? undefined : 'MessageSid=SM1' });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expectStrapiError(response.json, 405, 'MethodNotAllowedError');
    }
  });

  describe('status callbacks', () => {
    const statusParams = (sid: string): Params => ({ MessageSid: sid, MessageStatus: 'delivered', AccountSid: ctx.twilioAccountSid });

    it.each([
      ['no signature', 403, (p: Params, path: string) => postForm(path, form(p))],
      ['a tampered status', 403, (p: Params, path: string) => postForm(path, form({ ...p, MessageStatus: 'read' }), signatureFor(path, p))],
      ['a signature without the query string', 403, (p: Params, path: string) => postForm(path, form(p), signatureFor(STATUS_PATH, p))],
      ['no MessageStatus', 400, (p: Params, path: string) => signedWith(path, without(p, 'MessageStatus'))],
      ['no MessageSid', 400, (p: Params, path: string) => signedWith(path, without(p, 'MessageSid'))],
      ['an ErrorCode that is not a number', 400, (p: Params, path: string) => signedWith(path, { ...p, ErrorCode: 'abc' })],
      ['a JSON body', 415, (p: Params, path: string) => postForm(path, JSON.stringify(p), signatureFor(path, p), 'application/json')],
    ] as const)('with %s → %i, the message untouched', async (_label, status, send) => {
      const sid = newSid();
      const documentId = await insertOutboundMessage({ twilioSid: sid, status: 'sent' });
      const before = await messageByDocumentId(documentId);
      const response = await send(statusParams(sid), statusPath(documentId));
      expect(response.status).toBe(status);
      expectStrapiError(response.json, status);
      expect(await messageByDocumentId(documentId)).toEqual(before);
      expect(await footprint({ sids: [sid] })).toMatchObject({ statusEvents: 0 });
    });

    it('refuses a message id in the URL that is not a documentId', async () => {
      const sid = newSid();
      const path = `${STATUS_PATH}?messageId=${encodeURIComponent("x' OR 1=1")}`;
      const response = await signedWith(path, statusParams(sid));
      expect(response.status).toBe(400);
      expectStrapiError(response.json, 400, 'ValidationError');
      expect(await footprint({ sids: [sid] })).toMatchObject({ statusEvents: 0 });
    });
  });

  describe('rate limit', () => {
    it('answers 429 to an address that keeps failing the signature check, and never throttles signed requests', async () => {
      const address = freshClientAddress();
      const unsigned = (sid = newSid()) =>
        rawRequest(INBOUND_PATH, { headers: { 'content-type': FORM }, body: form(inboundParams({ MessageSid: sid, From: phone })), localAddress: address });

      for (let i = 0; i < WEBHOOK_FAILED_SIGNATURE_LIMIT.max; i += 1) {
        expect((await unsigned()).status).toBe(403);
      }
      const limited = await unsigned();
      expect(limited.status).toBe(429);
      expectStrapiError(limited.json, 429, 'RateLimitError');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      // The same address, correctly signed: a burst goes through and is stored.
      const sids = Array.from({ length: 5 }, () => newSid());
      const signed = await Promise.all(
        sids.map((sid) => postSigned(INBOUND_PATH, inboundParams({ MessageSid: sid, From: phone, Body: 'signed' }), { localAddress: address }))
      );
      expect(signed.map((response) => response.status)).toEqual(Array(5).fill(200));
      expect((await footprint({ sids })).messages).toBe(5);

      // Still limited when unsigned; another address is not.
      const stillLimitedSid = newSid();
      expect((await unsigned(stillLimitedSid)).status).toBe(429);
      expect((await footprint({ sids: [stillLimitedSid] })).messages).toBe(0);
      const elsewhere = await rawRequest(INBOUND_PATH, { headers: { 'content-type': FORM }, body: form(inboundParams({ From: phone })) });
      expect(elsewhere.status).toBe(403);
    });
  });
});
