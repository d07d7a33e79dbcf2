import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TwilioApiError } from './twilio-error';

const safeEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * HTTP Basic `AccountSid:AuthToken`, as Twilio requires. Anything else, including the right
 * credentials used against another account's URL, gets Twilio's 401 / 20003.
 */
export const assertAuthenticated = (
  req: IncomingMessage,
  credentials: { accountSid: string; authToken: string },
  urlAccountSid?: string,
): void => {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+(.+)$/i.exec(header);
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const username = separator >= 0 ? decoded.slice(0, separator) : '';
  const password = separator >= 0 ? decoded.slice(separator + 1) : '';
  const valid =
    safeEqual(username, credentials.accountSid) &&
    safeEqual(password, credentials.authToken) &&
    (urlAccountSid === undefined || urlAccountSid === credentials.accountSid);
  if (!valid) throw new TwilioApiError(401, 20003, 'Authenticate');
};
