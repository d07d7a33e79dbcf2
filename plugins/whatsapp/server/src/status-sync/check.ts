import type { Core } from '@strapi/strapi';
import { STATUS_CALLBACK_MESSAGE_PARAM, STATUS_CALLBACK_PATH, STATUS_SYNC } from '../constants';
import { buildStatusCallbackUrl } from '../domain/outbound-request';
import { senderKind, type ResolvedSettings } from '../domain/settings';
import { diagnoseMessage, type Diagnosis, type RemoteState } from '../domain/sync-diagnosis';
import { syncRetryDelayMs, type Pacer } from '../domain/sync-pacing';
import type { TwilioFailure } from '../domain/twilio-errors';
import type { RunError } from '../../../shared/sync-status';
import type { Candidate, StatusSyncRepository } from './sync-sql';
import type { TwilioClient } from '../twilio/client-factory';
import { getService } from '../utils/get-service';
import { toTwilioFailure } from '../twilio/service';

/**
 * Checking one message against Twilio during a status sync run: fetch it (paced, 429 and 5xx
 * waited out and retried), hand a status Twilio knows and we don't to the one status function
 * (rank rule and event log, source `sync`), and store the diagnosis. A Twilio error is
 * recorded for this message and never stops the run, except refused credentials (fatal: every
 * further call would be refused too).
 */

export type CheckOutcome =
  | { kind: 'checked'; from: string; to: string; diagnosis: Diagnosis | null }
  | { kind: 'error'; error: RunError; diagnosis: Diagnosis | null }
  | { kind: 'fatal'; reason: string };

type FetchedMessage = { status: string; errorCode: number | null; errorMessage: string | null; dateUpdated: Date | null; dateSent: Date | null };

type FetchResult =
  | { kind: 'found'; message: FetchedMessage }
  | { kind: 'not-found'; failure: TwilioFailure }
  | { kind: 'failed'; failure: TwilioFailure }
  | { kind: 'fatal'; failure: TwilioFailure };

export type CheckContext = {
  client: TwilioClient;
  settings: ResolvedSettings;
  pacer: Pacer;
  repo: StatusSyncRepository;
  /** Called for every 429 Twilio answers. */
  onRateLimited(): void;
};

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

const isRateLimit = (failure: TwilioFailure) => failure.httpStatus === 429 || failure.twilioCode === 20429;
const isNotFound = (failure: TwilioFailure) => failure.httpStatus === 404 || failure.twilioCode === 20404;
const isAuthFailure = (failure: TwilioFailure) => failure.httpStatus === 401 || failure.twilioCode === 20003;
// No answer (timeout, reset) or Twilio failing: worth another try.
const isTransient = (failure: TwilioFailure) => failure.httpStatus === undefined || failure.httpStatus >= 500;

const errorOf = (candidate: Candidate, code: string, failure: TwilioFailure): RunError => ({
  messageId: candidate.documentId,
  twilioSid: candidate.twilioSid,
  code,
  message: failure.message,
  ...(failure.httpStatus !== undefined ? { httpStatus: failure.httpStatus } : {}),
  ...(failure.twilioCode !== undefined ? { twilioCode: failure.twilioCode } : {}),
});

export const createStatusSyncCheck = (strapi: Core.Strapi, context: CheckContext) => {
  const { client, settings, pacer, repo } = context;

  const fetchMessage = async (sid: string): Promise<FetchResult> => {
    let rateLimitedTries = 0;
    let transientTries = 0;
    for (;;) {
      await sleep(pacer.reserve());
      try {
        const message = await client.messages(sid).fetch();
        pacer.recover();
        return {
          kind: 'found',
          message: {
            status: message.status,
            errorCode: message.errorCode ?? null,
            errorMessage: message.errorMessage ?? null,
            dateUpdated: message.dateUpdated ?? null,
            dateSent: message.dateSent ?? null,
          },
        };
      } catch (error) {
        const failure = toTwilioFailure(error, settings.authToken);
        if (isNotFound(failure)) return { kind: 'not-found', failure };
        if (isAuthFailure(failure)) return { kind: 'fatal', failure };
        if (isRateLimit(failure)) {
          context.onRateLimited();
          pacer.slowDown();
          rateLimitedTries += 1;
          if (rateLimitedTries >= STATUS_SYNC.rateLimitAttempts) return { kind: 'failed', failure };
          await sleep(syncRetryDelayMs(rateLimitedTries));
          continue;
        }
        if (isTransient(failure)) {
          transientTries += 1;
          if (transientTries >= STATUS_SYNC.serverErrorAttempts) return { kind: 'failed', failure };
          await sleep(syncRetryDelayMs(transientTries));
          continue;
        }
        return { kind: 'failed', failure };
      }
    }
  };

  const diagnose = (candidate: Candidate, remote: RemoteState) =>
    diagnoseMessage({
      now: new Date(),
      createdAt: candidate.createdAt,
      statusBefore: candidate.status,
      remote,
      callbacksReceived: candidate.callbacksReceived,
      sandbox: senderKind(settings) === 'sandbox',
      lastInboundAt: candidate.lastInboundAt,
      isTemplate: candidate.isTemplate,
      statusCallbackUrl:
        buildStatusCallbackUrl(settings.publicUrl, STATUS_CALLBACK_PATH, STATUS_CALLBACK_MESSAGE_PARAM, candidate.documentId) ?? null,
      emulator: settings.mode === 'emulator',
    });

  return async (candidate: Candidate): Promise<CheckOutcome> => {
    const fetched = await fetchMessage(candidate.twilioSid);
    if (fetched.kind === 'fatal') {
      return { kind: 'fatal', reason: `Twilio refused the credentials (HTTP ${fetched.failure.httpStatus ?? '-'}): ${fetched.failure.message}` };
    }
    if (fetched.kind === 'failed') {
      // Nothing learned: the message keeps its status and its last diagnosis.
      const code = isRateLimit(fetched.failure) ? 'TWILIO_RATE_LIMITED' : isTransient(fetched.failure) ? 'TWILIO_UNAVAILABLE' : 'TWILIO_ERROR';
      return { kind: 'error', error: errorOf(candidate, code, fetched.failure), diagnosis: null };
    }
    if (fetched.kind === 'not-found') {
      const diagnosis = diagnose(candidate, { found: false });
      await repo.saveDiagnosis(candidate.id, diagnosis, new Date());
      return { kind: 'error', error: errorOf(candidate, 'NOT_FOUND_AT_TWILIO', fetched.failure), diagnosis };
    }

    const remote = fetched.message;
    let status = candidate.status;
    if (remote.status !== candidate.status) {
      const recorded = await getService(strapi, 'status-sync').statuses.record({
        messageSid: candidate.twilioSid,
        status: remote.status,
        errorCode: remote.errorCode,
        errorMessage: remote.errorMessage,
        messageDocumentId: candidate.documentId,
        // What Twilio answered, as the event's payload (a callback keeps its parameters).
        payload: { ...remote, fetchedBy: 'status-sync' },
        source: 'sync',
      });
      status = recorded.status ?? candidate.status;
    }
    const diagnosis = diagnose(candidate, { found: true, status: remote.status, errorCode: remote.errorCode });
    await repo.saveDiagnosis(candidate.id, diagnosis, new Date());
    return { kind: 'checked', from: candidate.status, to: status, diagnosis };
  };
};
