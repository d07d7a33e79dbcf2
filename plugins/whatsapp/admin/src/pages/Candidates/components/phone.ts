import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneCheck =
  | { state: 'empty' }
  | { state: 'valid'; e164: string; formatted: string }
  | { state: 'invalid'; formatted: string };

/**
 * The number as typed, read as the server will read it (numbers without `+` in the default
 * country): valid with its E.164 form, or not (yet).
 */
export const checkPhone = (input: string, defaultCountry: string): PhoneCheck => {
  const raw = input.trim().replace(/^whatsapp:/i, '');
  if (!raw) return { state: 'empty' };
  const country = defaultCountry.toUpperCase() as CountryCode;
  const formatted = new AsYouType(country).input(raw);
  const parsed = parsePhoneNumberFromString(raw, country);
  return parsed?.isValid() ? { state: 'valid', e164: parsed.number, formatted: parsed.formatInternational() } : { state: 'invalid', formatted };
};
