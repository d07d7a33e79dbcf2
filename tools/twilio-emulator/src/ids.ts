import { randomBytes } from 'node:crypto';

export const randomHex = (bytes = 16): string => randomBytes(bytes).toString('hex');

/** Twilio SIDs are a two-letter prefix and 32 lowercase hex digits. */
export const newSid = (prefix: string): string => `${prefix}${randomHex(16)}`;

export const isSid = (value: string, prefix: string): boolean =>
  new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value);
