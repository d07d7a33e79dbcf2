import { describeTwilioError } from '../domain/twilio-errors';

type WithError = { errorCode?: number | null; errorMessage?: string | null };

/**
 * Adds `errorDescription`: the Twilio error code in words a staff member understands, or for
 * a failure of our own (no code: gave up after retries, opted out meanwhile) our message,
 * which is written for staff already; null without an error. Computed on read, so a failure
 * recorded by a status callback or the sync reads the same as one recorded at send time.
 */
export const withErrorDescription = <T extends WithError>(message: T): T & { errorDescription: string | null } => ({
  ...message,
  errorDescription: describeTwilioError(message.errorCode, message.errorMessage) ?? message.errorMessage ?? null,
});
