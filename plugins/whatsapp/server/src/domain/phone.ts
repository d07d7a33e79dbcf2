import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** What a phone number turned out to be once parsed. */
export type ParsedPhone =
  | { ok: true; e164: string; isMobile: boolean; country?: string }
  | { ok: false; reason: string };

const WHATSAPP_PREFIX = /^whatsapp:/i;

/** Twilio addresses WhatsApp numbers as `whatsapp:+E164`; people type them any which way. */
export const stripWhatsAppPrefix = (value: string): string => value.trim().replace(WHATSAPP_PREFIX, '');

export const toWhatsAppAddress = (e164: string): string => `whatsapp:${e164}`;

/**
 * Parses a number with libphonenumber-js (full metadata, so the number type is known).
 * Numbers written without `+` are read in `defaultCountry`.
 */
export const parsePhone = (input: string, defaultCountry: string): ParsedPhone => {
  const raw = stripWhatsAppPrefix(input);
  if (!raw) return { ok: false, reason: 'Phone number is empty' };
  const parsed = parsePhoneNumberFromString(raw, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, reason: `"${raw}" is not a valid phone number` };
  }
  const type = parsed.getType();
  // Some countries can't tell mobile from fixed line: accept those as possibly mobile.
  const isMobile = type === undefined || type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  return { ok: true, e164: parsed.number, isMobile, country: parsed.country };
};

/**
 * E.164 only, by the same rules as parsePhone, without telling mobile from fixed line (a third of
 * parsePhone's time): for imports, which read every number of a file.
 */
export const parsePhoneE164 = (input: string, defaultCountry: string): { ok: true; e164: string } | { ok: false; reason: string } => {
  const raw = stripWhatsAppPrefix(input);
  if (!raw) return { ok: false, reason: 'Phone number is empty' };
  const parsed = parsePhoneNumberFromString(raw, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: `"${raw}" is not a valid phone number` };
  return { ok: true, e164: parsed.number };
};
