/** A form parameter as posted: a repeated name keeps every value, as Twilio's signature expects. */
export type FormParams = Record<string, string | string[]>;

export type FormParseResult = { ok: true; params: FormParams } | { ok: false; reason: string };

const REPLACEMENT_CHARACTER = '\uFFFD';

const decode = (component: string): string => decodeURIComponent(component.replace(/\+/g, ' '));

/**
 * Strict `application/x-www-form-urlencoded` parsing of a raw body, for signature checks.
 *
 * Why not the parsed body from koa-body: it uses `qs`, which nests `a[b]` and `a.b` keys, drops
 * keys such as `__proto__`, stops after 1000 parameters and leaves undecodable `%FF` as text, so
 * the parameters it returns are not always the ones the sender signed. Here a parameter is
 * exactly a `name=value` pair of the body; a body that is not valid UTF-8 (raw bytes, already
 * replaced by U+FFFD when the body was read as text, or percent-encoded bytes) or that
 * carries a NUL character (which Postgres cannot store) is refused.
 */
export const parseFormBody = (raw: string): FormParseResult => {
  if (raw.includes(REPLACEMENT_CHARACTER)) return { ok: false, reason: 'The request body is not valid UTF-8' };
  // No prototype: a parameter named `__proto__` or `constructor` is just a parameter.
  const params: FormParams = Object.create(null) as FormParams;
  for (const pair of raw.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decode(separator === -1 ? pair : pair.slice(0, separator));
      value = separator === -1 ? '' : decode(pair.slice(separator + 1));
    } catch {
      return { ok: false, reason: 'The request body is not valid UTF-8 form data' };
    }
    if (name.includes('\u0000') || value.includes('\u0000')) {
      return { ok: false, reason: 'The request body contains a NUL character' };
    }
    const existing = params[name];
    if (existing === undefined) params[name] = value;
    else params[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { ok: true, params };
};

/**
 * The same shape from a body already parsed by `qs` (when the host app does not keep the raw
 * body): nested values cannot be what Twilio signed, so they are refused.
 */
export const fromParsedForm = (body: unknown): FormParseResult => {
  if (body === undefined || body === null) return { ok: true, params: Object.create(null) as FormParams };
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'The request body is not form data' };
  const params: FormParams = Object.create(null) as FormParams;
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((item): item is string => typeof item === 'string')) {
      return { ok: false, reason: `The form parameter "${name}" is not a plain value` };
    }
    if (name.includes('\u0000') || values.some((item) => item.includes('\u0000') || item.includes(REPLACEMENT_CHARACTER))) {
      return { ok: false, reason: 'The request body is not valid UTF-8 form data' };
    }
    params[name] = Array.isArray(value) ? values : (values[0] as string);
  }
  return { ok: true, params };
};
