import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { checkCredentials } from '../domain/send-rules';
import type { TwilioFailure } from '../domain/twilio-errors';
import { createTwilioClient, type TwilioClient } from '../twilio/client-factory';
import { unprocessableError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import { toTwilioFailure } from './twilio';

// Staff wait on a sync or a submit: fail clearly rather than after the SDK's 30 s default.
const CONTENT_API_TIMEOUT_MS = 15_000;

let cached: { key: string; client: TwilioClient } | undefined;

/**
 * The SDK's Content API (`client.content.v1`) for the current settings, and how to turn its
 * errors into plain, token-free failures.
 *
 * services/twilio.ts is meant to be the one place that builds the SDK client, but it offers no
 * Content API call nor its client, so this builds one through the same factory. TODO: move
 * these calls there (e.g. `twilio.content()`), then delete this file.
 */
export const getContentApi = async (strapi: Core.Strapi) => {
  const settings = await getService(strapi, 'settings').getResolved();
  const violation = checkCredentials(settings);
  if (violation || !settings.accountSid || !settings.authToken) {
    throw unprocessableError('NOT_CONFIGURED', violation?.message ?? 'Twilio is not configured.');
  }
  const { accountSid, authToken } = settings;
  const key = [accountSid, createHash('sha256').update(authToken).digest('hex'), settings.apiBaseUrl, settings.contentBaseUrl].join('|');
  if (cached?.key !== key) {
    cached = {
      key,
      client: createTwilioClient({
        accountSid,
        authToken,
        apiBaseUrl: settings.apiBaseUrl,
        contentBaseUrl: settings.contentBaseUrl,
        timeoutMs: CONTENT_API_TIMEOUT_MS,
      }),
    };
  }
  return {
    content: cached.client.content.v1,
    failure: (error: unknown): TwilioFailure => toTwilioFailure(error, authToken),
  };
};

export type ContentApi = Awaited<ReturnType<typeof getContentApi>>['content'];
