import { newSid } from './ids';
import { sameNumber } from './phone';
import { errorMessageFor, TwilioApiError } from './twilio-error';
import type { PlannedFailure } from './types';

/**
 * Which API call a rule applies to; `create` (Message create) unless told otherwise. `account`:
 * Account fetch (which `fetch` also fails); `numbers`: IncomingPhoneNumbers; `senders`: WhatsApp
 * senders (Channels/Senders); `services`: a Messaging Service and its numbers and senders.
 */
export type FailureOperation = 'create' | 'fetch' | 'list' | 'delete' | 'content' | 'account' | 'numbers' | 'senders' | 'services' | '*';

interface RuleBase {
  /** Only requests whose To is this number (channel prefix ignored). Create only. */
  to?: string;
  /** How many matching requests this rule fails; default 1. */
  times?: number;
  on?: FailureOperation;
}

export type FailureRuleInput =
  | (RuleBase & { kind: 'http429' })
  | (RuleBase & { kind: 'http500'; status?: number })
  | (RuleBase & {
      kind: 'error';
      code: number;
      status?: number;
      message?: string;
      /** `sync`: a 4xx answer to the request. `async`: accepted, then a failed status callback. */
      mode?: 'sync' | 'async';
      failStatus?: 'failed' | 'undelivered';
    })
  | (RuleBase & { kind: 'timeoutAfterAccept'; holdMs?: number });

export type FailureRule = FailureRuleInput & { id: string; remaining: number };

export type FailureDecision =
  | { type: 'reject'; error: TwilioApiError }
  | { type: 'failLater'; failure: PlannedFailure }
  | { type: 'hang'; holdMs: number };

export const DEFAULT_HOLD_MS = 30_000;

/**
 * Channel (63xxx) and carrier (30xxx) errors happen after Twilio has accepted the message, so
 * they arrive as a failed/undelivered status with ErrorCode; everything else is a synchronous answer.
 */
export const isAsyncCode = (code: number): boolean =>
  (code >= 30000 && code < 31000) || (code >= 63000 && code < 64000);

const defaultFailStatus = (code: number): 'failed' | 'undelivered' =>
  code >= 30000 && code < 31000 ? 'undelivered' : 'failed';

const defaultHttpStatus = (code: number): number => {
  if (code === 20429) return 429;
  if (code === 20503) return 503;
  if (code >= 20500 && code < 20600) return 500;
  if (code === 20404) return 404;
  if (code === 20003) return 401;
  return 400;
};

const KINDS = ['http429', 'http500', 'error', 'timeoutAfterAccept'] as const;
const OPERATIONS: readonly FailureOperation[] = ['create', 'fetch', 'list', 'delete', 'content', 'account', 'numbers', 'senders', 'services', '*'];

const optionalPositiveInt = (value: unknown, name: string): number | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative integer`);
  }
  return value;
};

/** Checks a rule that may come from JSON, and fills its defaults. */
export const normalizeRule = (input: unknown): FailureRule => {
  if (typeof input !== 'object' || input === null) throw new TypeError('a failure rule must be an object');
  const raw = input as Record<string, unknown>;
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw new TypeError(`kind must be one of ${KINDS.join(', ')}`);
  }
  const on = raw.on ?? 'create';
  if (!OPERATIONS.includes(on as FailureOperation)) throw new TypeError(`on must be one of ${OPERATIONS.join(', ')}`);
  if (raw.to !== undefined && typeof raw.to !== 'string') throw new TypeError('to must be a string');
  const times = Math.max(1, optionalPositiveInt(raw.times, 'times') ?? 1);
  const base = { id: newSid('FR'), remaining: times, times, on: on as FailureOperation, ...(raw.to ? { to: raw.to } : {}) };
  switch (kind) {
    case 'http429':
      return { ...base, kind };
    case 'http500':
      return { ...base, kind, status: optionalPositiveInt(raw.status, 'status') ?? 500 };
    case 'timeoutAfterAccept':
      return { ...base, kind, on: 'create', holdMs: optionalPositiveInt(raw.holdMs, 'holdMs') ?? DEFAULT_HOLD_MS };
    default: {
      const code = optionalPositiveInt(raw.code, 'code');
      if (code === undefined) throw new TypeError('an error rule needs a Twilio code');
      const mode = raw.mode ?? (isAsyncCode(code) ? 'async' : 'sync');
      if (mode !== 'sync' && mode !== 'async') throw new TypeError('mode must be sync or async');
      const failStatus = raw.failStatus ?? defaultFailStatus(code);
      if (failStatus !== 'failed' && failStatus !== 'undelivered') throw new TypeError('failStatus must be failed or undelivered');
      if (raw.message !== undefined && typeof raw.message !== 'string') throw new TypeError('message must be a string');
      return {
        ...base,
        kind: 'error',
        code,
        status: optionalPositiveInt(raw.status, 'status') ?? defaultHttpStatus(code),
        mode,
        failStatus,
        ...(typeof raw.message === 'string' ? { message: raw.message } : {}),
      };
    }
  }
};

export const decide = (rule: FailureRule): FailureDecision => {
  switch (rule.kind) {
    case 'http429':
      return { type: 'reject', error: new TwilioApiError(429, 20429, 'Too Many Requests') };
    case 'http500': {
      const status = rule.status ?? 500;
      const code = status === 503 ? 20503 : 20500;
      return { type: 'reject', error: new TwilioApiError(status, code, errorMessageFor(code)) };
    }
    case 'timeoutAfterAccept':
      return { type: 'hang', holdMs: rule.holdMs ?? DEFAULT_HOLD_MS };
    case 'error': {
      const message = rule.message ?? errorMessageFor(rule.code);
      if (rule.mode === 'async') {
        return { type: 'failLater', failure: { code: rule.code, message, status: rule.failStatus ?? 'failed' } };
      }
      return { type: 'reject', error: new TwilioApiError(rule.status ?? 400, rule.code, message) };
    }
  }
};

/** Rules are tried in the order they were pushed; each fails `times` matching requests. */
export class FailureQueue {
  private rules: FailureRule[] = [];

  push(inputs: readonly unknown[]): FailureRule[] {
    const added = inputs.map(normalizeRule);
    this.rules.push(...added);
    return added;
  }

  list(): FailureRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The rule the next matching request would consume, without consuming it yet. */
  peek(operation: Exclude<FailureOperation, '*'>, to?: string): { decision: FailureDecision; consume: () => void } | null {
    const rule = this.rules.find(
      (candidate) =>
        (candidate.on === '*' || candidate.on === operation) &&
        (candidate.to === undefined || (to !== undefined && sameNumber(candidate.to, to))) &&
        // Failing later or hanging only makes sense for a create.
        (operation === 'create' ||
          candidate.kind === 'http429' ||
          candidate.kind === 'http500' ||
          (candidate.kind === 'error' && candidate.mode === 'sync')),
    );
    if (!rule) return null;
    return {
      decision: decide(rule),
      consume: () => {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
      },
    };
  }

  take(operation: Exclude<FailureOperation, '*'>, to?: string): FailureDecision | null {
    const next = this.peek(operation, to);
    next?.consume();
    return next?.decision ?? null;
  }
}
