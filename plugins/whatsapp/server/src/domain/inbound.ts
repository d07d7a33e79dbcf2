/**
 * Twilio's "a message comes in" parameters for WhatsApp, read into our message model.
 * Pure, no Strapi imports: the inbox service stores what this returns.
 */
import { parsePhone } from './phone';

/** Form parameters as posted (a repeated name gives several values); only strings are read. */
export type TwilioParams = Readonly<Record<string, unknown>>;

export type InboundMedia = { url: string; contentType: string };
export type InboundLocation = { latitude: number; longitude: number; address?: string; label?: string };
export type InboundButton = { text?: string; payload?: string };
/** What a keyword message does to the candidate's consent. */
export type OptChange = 'opt_out' | 'opt_in' | null;

export type InboundMessage = {
  messageSid: string;
  /** The candidate, E.164. */
  from: string;
  /** Our WhatsApp sender, E.164. */
  to: string;
  body: string | null;
  media: InboundMedia[];
  location: InboundLocation | null;
  button: InboundButton | null;
  referral: Record<string, string> | null;
  inReplyToSid: string | null;
  profileName: string | null;
  waId: string | null;
  messageType: string;
  optChange: OptChange;
  preview: string;
};

/** Twilio accepts at most 10 media per message; WhatsApp sends one. */
export const MAX_MEDIA = 10;
export const PREVIEW_MAX = 140;
/** Column size of the varchar fields the inbound values land in. */
export const SHORT_TEXT_MAX = 255;

/** Opt-out and opt-in keywords: the whole message, any case. */
export const OPT_OUT_KEYWORDS: ReadonlySet<string> = new Set(['STOP', 'UNSUBSCRIBE', 'STOPALL', 'CANCEL', 'END', 'QUIT']);
export const OPT_IN_KEYWORDS: ReadonlySet<string> = new Set(['START', 'UNSTOP']);

/** `join <word>-<word>`: the code a person sends to the Twilio sandbox sender to join it. */
const SANDBOX_JOIN = /^join\s+[a-z0-9]+(?:-[a-z0-9]+)+$/i;
export const SANDBOX_JOIN_TYPE = 'sandbox_join';

const MESSAGE_TYPE = /^[a-z_]{1,32}$/;
const E164 = /^\+[1-9]\d{5,14}$/;

export const readParam = (params: TwilioParams, name: string): string | undefined => {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
};

const nonEmpty = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== '' ? value : undefined);

export const detectOptChange = (body: string | null): OptChange => {
  const keyword = body?.trim().toUpperCase();
  if (!keyword) return null;
  if (OPT_OUT_KEYWORDS.has(keyword)) return 'opt_out';
  if (OPT_IN_KEYWORDS.has(keyword)) return 'opt_in';
  return null;
};

export const isSandboxJoin = (body: string | null): boolean => body !== null && SANDBOX_JOIN.test(body.trim());

/**
 * A WhatsApp address (`whatsapp:+E164`) as E.164. Twilio sends E.164 already, which is kept as
 * is: it is what libphonenumber would make of it, and a number range libphonenumber does not
 * know yet must not lose the message. Anything else (a hand-made request) is parsed.
 */
export const toE164 = (address: string, defaultCountry: string): string | null => {
  const raw = address.trim().replace(/^whatsapp:/i, '');
  if (E164.test(raw)) return raw;
  const parsed = parsePhone(address, defaultCountry);
  return parsed.ok ? parsed.e164 : null;
};

/** How many media the message carries: `NumMedia`, or the `MediaUrl{N}` parameters present. */
export const countMedia = (params: TwilioParams): { declared: number | null; urls: number } => {
  const numMedia = readParam(params, 'NumMedia');
  const declared = numMedia !== undefined && numMedia.trim() !== '' ? Number(numMedia) : null;
  const urls = Object.keys(params).filter((name) => /^MediaUrl\d+$/.test(name)).length;
  return { declared, urls };
};

export const readMedia = (params: TwilioParams, count: number): InboundMedia[] =>
  Array.from({ length: count }, (_, index) => ({
    url: readParam(params, `MediaUrl${index}`) ?? '',
    contentType: nonEmpty(readParam(params, `MediaContentType${index}`)) ?? 'application/octet-stream',
  }));

export const mediaKind = (contentType: string): 'image' | 'video' | 'audio' | 'document' => {
  const family = contentType.split('/')[0]?.toLowerCase();
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'document';
};

export const readLocation = (params: TwilioParams): InboundLocation | null => {
  const latitude = nonEmpty(readParam(params, 'Latitude'));
  const longitude = nonEmpty(readParam(params, 'Longitude'));
  if (latitude === undefined || longitude === undefined) return null;
  const address = nonEmpty(readParam(params, 'Address'));
  const label = nonEmpty(readParam(params, 'Label'));
  return {
    latitude: Number(latitude),
    longitude: Number(longitude),
    ...(address !== undefined ? { address } : {}),
    ...(label !== undefined ? { label } : {}),
  };
};

const readButton = (params: TwilioParams): InboundButton | null => {
  const text = nonEmpty(readParam(params, 'ButtonText'));
  const payload = nonEmpty(readParam(params, 'ButtonPayload'));
  if (text === undefined && payload === undefined) return null;
  return { ...(text !== undefined ? { text } : {}), ...(payload !== undefined ? { payload } : {}) };
};

/** Click-to-WhatsApp ad referrals: every `Referral*` parameter, e.g. `ReferralCtwaClid` → `ctwaClid`. */
const readReferral = (params: TwilioParams): Record<string, string> | null => {
  const referral: Record<string, string> = {};
  for (const name of Object.keys(params)) {
    const value = nonEmpty(readParam(params, name));
    if (!name.startsWith('Referral') || name === 'ReferralNumMedia' || value === undefined) continue;
    const key = name.slice('Referral'.length);
    if (key) referral[key.charAt(0).toLowerCase() + key.slice(1)] = value;
  }
  return Object.keys(referral).length > 0 ? referral : null;
};

const messageTypeOf = (given: string | undefined, parts: { body: string | null; media: InboundMedia[]; location: InboundLocation | null; button: InboundButton | null }): string => {
  if (isSandboxJoin(parts.body)) return SANDBOX_JOIN_TYPE;
  if (given !== undefined && MESSAGE_TYPE.test(given)) return given;
  if (parts.location) return 'location';
  if (parts.button) return 'button';
  const first = parts.media[0];
  if (first) return mediaKind(first.contentType);
  return 'text';
};

const MEDIA_LABEL: Record<ReturnType<typeof mediaKind>, string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
};

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** One line for the inbox list: the text, or what the message is when it has none. */
export const previewOf = (message: Pick<InboundMessage, 'body' | 'media' | 'location' | 'button' | 'messageType'>): string => {
  const text = (message.body ?? '').replace(/\s+/g, ' ').trim();
  let preview: string;
  if (message.location) {
    const { label, address, latitude, longitude } = message.location;
    preview = `[Location] ${label ?? address ?? `${latitude}, ${longitude}`}`;
  } else if (message.media.length > 0) {
    const first = message.media[0] as InboundMedia;
    const label = message.media.length === 1 ? MEDIA_LABEL[mediaKind(first.contentType)] : `${message.media.length} attachments`;
    preview = text ? `[${label}] ${text}` : `[${label}]`;
  } else if (text) {
    preview = text;
  } else if (message.button) {
    preview = message.button.text ?? message.button.payload ?? '';
  } else {
    preview = `[${message.messageType}]`;
  }
  return truncate(preview.replace(/\s+/g, ' ').trim(), PREVIEW_MAX);
};

/**
 * Reads validated parameters (see inbound/validation.ts) into the message to store. `from`/`to`
 * are the addresses already turned into E.164.
 */
export const toInboundMessage = (params: TwilioParams, addresses: { from: string; to: string }): InboundMessage => {
  const rawBody = readParam(params, 'Body');
  const body = rawBody !== undefined && rawBody !== '' ? rawBody : null;
  const { declared, urls } = countMedia(params);
  const media = readMedia(params, declared ?? urls);
  const location = readLocation(params);
  const button = readButton(params);
  const messageType = messageTypeOf(nonEmpty(readParam(params, 'MessageType')), { body, media, location, button });
  const profileName = nonEmpty(readParam(params, 'ProfileName'))?.trim().slice(0, SHORT_TEXT_MAX) ?? null;
  const message = {
    messageSid: readParam(params, 'MessageSid') ?? '',
    from: addresses.from,
    to: addresses.to,
    body,
    media,
    location,
    button,
    referral: readReferral(params),
    inReplyToSid: nonEmpty(readParam(params, 'OriginalRepliedMessageSid')) ?? null,
    profileName: profileName || null,
    waId: nonEmpty(readParam(params, 'WaId')) ?? null,
    messageType,
    optChange: messageType === SANDBOX_JOIN_TYPE ? null : detectOptChange(body),
  };
  return { ...message, preview: previewOf(message) };
};
