/**
 * Why an outbound message is stuck short of a final status, in words a staff member can act
 * on. Pure, no Strapi imports: the status sync gathers the facts (what Twilio says now, what
 * we knew, the candidate's last message) and stores the answer on the message.
 */
import { outranks } from './status-rank';

export const STUCK_CODES = [
  'NOT_FOUND_AT_TWILIO',
  'SANDBOX_NOT_JOINED',
  'WINDOW_CLOSED',
  'CALLBACKS_NOT_ARRIVING',
  'QUEUED_AT_TWILIO',
  'NOT_DELIVERED_YET',
] as const;
export type StuckCode = (typeof STUCK_CODES)[number];

/**
 * Flags that only describe a message still waiting: once the message reaches a final status
 * they no longer apply. The others explain what happened and stay.
 */
export const WAITING_STUCK_CODES: readonly StuckCode[] = ['QUEUED_AT_TWILIO', 'NOT_DELIVERED_YET'];

/** Statuses after which a message is not checked again. `delivered` counts: read receipts are optional. */
export const FINAL_STATUSES = ['delivered', 'read', 'failed', 'undelivered', 'canceled', 'received'] as const;
/** Outbound statuses short of a final one (`pending` only counts once Twilio gave a SID). */
export const WAITING_STATUSES = ['pending', 'accepted', 'scheduled', 'queued', 'sending', 'sent'] as const;

const STILL_AT_TWILIO = new Set(['accepted', 'queued', 'sending']);

export type Diagnosis = { code: StuckCode; reason: string };

export const STUCK_THRESHOLDS = {
  /** Twilio normally hands a message to WhatsApp within seconds. */
  queuedMs: 10 * 60_000,
  /** WhatsApp normally delivers within minutes to a phone that is online. */
  sentMs: 60 * 60_000,
  /** A callback normally follows a status change within seconds; this leaves room for retries. */
  callbackGraceMs: 2 * 60_000,
} as const;

/** The sandbox forgets a participant 72 hours after their last message. */
export const SANDBOX_SESSION_MS = 72 * 3_600_000;
/** Free-form WhatsApp messages are allowed for 24 hours after the candidate's last message. */
export const SESSION_WINDOW_MS = 24 * 3_600_000;

export type RemoteState = { found: true; status: string; errorCode: number | null } | { found: false };

export type DiagnosisFacts = {
  now: Date;
  /** When we created the message (the send). */
  createdAt: Date;
  /** Our status before this check. */
  statusBefore: string;
  /** What Twilio says now. */
  remote: RemoteState;
  /** Status callbacks ever received for this message. */
  callbacksReceived: number;
  /** Whether we send from Twilio's shared sandbox number. */
  sandbox: boolean;
  /** The candidate's last message to our sender (null: never). */
  lastInboundAt: Date | null;
  /** Sent as an approved template (allowed outside the 24-hour window). */
  isTemplate: boolean;
  /** The StatusCallback URL Twilio was given for this message (null: no public URL configured). */
  statusCallbackUrl: string | null;
  /** Talking to the bundled emulator, which reaches local addresses. */
  emulator: boolean;
};

const minutesAgo = (ms: number) => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 96 ? `${hours} h` : `${Math.round(hours / 24)} days`;
};

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[^.]+)$/i;

/** Why Twilio (on the internet) cannot call this URL, or null when nothing is visibly wrong. */
export const unreachableCallbackUrl = (url: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a valid URL';
  }
  if (LOCAL_HOST.test(parsed.hostname)) return `${parsed.hostname} is an address of this machine or network, which Twilio cannot reach`;
  if (parsed.protocol !== 'https:') return 'it is not https, which Twilio needs to sign requests safely and proxies often refuse';
  return null;
};

const callbacksReason = (facts: DiagnosisFacts, remoteStatus: string): string => {
  const known = `Twilio reports "${remoteStatus}" but this server only knew "${facts.statusBefore}": no status callback from Twilio has reached it for this message.`;
  if (!facts.statusCallbackUrl) {
    return `${known} No public URL is configured, so Twilio is given no StatusCallback URL: set WHATSAPP_PUBLIC_URL (or the public URL in the WhatsApp settings).`;
  }
  const problem = facts.emulator ? null : unreachableCallbackUrl(facts.statusCallbackUrl);
  return (
    `${known} Twilio is calling ${facts.statusCallbackUrl}` +
    (problem ? `, and ${problem}.` : '.') +
    ' Check WHATSAPP_PUBLIC_URL (the public URL in the WhatsApp settings) and that no firewall or proxy blocks Twilio.'
  );
};

const sandboxReason = (facts: DiagnosisFacts, fromTwilio: boolean): string => {
  const prefix = fromTwilio ? 'Twilio reports error 63015: ' : 'Likely cause: ';
  if (!facts.lastInboundAt) {
    return `${prefix}the candidate has not joined the Twilio WhatsApp sandbox. They must send the sandbox join code to the sandbox number before it delivers to them.`;
  }
  const since = facts.now.getTime() - facts.lastInboundAt.getTime();
  if (since > SANDBOX_SESSION_MS) {
    return `${prefix}the candidate joined the sandbox more than 3 days ago (their last message was ${minutesAgo(since)} ago) and the sandbox has forgotten them. They must send the join code again.`;
  }
  return `${prefix}the candidate is not (or no longer) a sandbox participant. They must send the sandbox join code to the sandbox number again.`;
};

const windowReason = (facts: DiagnosisFacts, fromTwilio: boolean): string => {
  const prefix = fromTwilio ? 'Twilio reports error 63016: ' : 'Likely cause: ';
  const last = facts.lastInboundAt
    ? `the candidate's last message was ${minutesAgo(facts.createdAt.getTime() - facts.lastInboundAt.getTime())} before this one was sent`
    : 'the candidate has never written to us';
  return `${prefix}the 24-hour window was closed (${last}). Outside it WhatsApp only delivers approved templates: send a template instead.`;
};

/**
 * The likely cause, most certain first: what Twilio says (not found, 63015, 63016), then
 * callbacks that never arrived (Twilio is ahead of us), then what the facts suggest for a
 * message still waiting longer than expected. null: nothing wrong as far as we can tell.
 */
export const diagnoseMessage = (facts: DiagnosisFacts): Diagnosis | null => {
  const { remote } = facts;
  if (!remote.found) {
    return {
      code: 'NOT_FOUND_AT_TWILIO',
      reason:
        'Twilio no longer has this message (it was deleted at Twilio, or belongs to another account), so its status cannot be checked. The last status we know is kept.',
    };
  }
  if (remote.errorCode === 63015) return { code: 'SANDBOX_NOT_JOINED', reason: sandboxReason(facts, true) };
  if (remote.errorCode === 63016) return { code: 'WINDOW_CLOSED', reason: windowReason(facts, true) };

  const age = facts.now.getTime() - facts.createdAt.getTime();
  if (facts.callbacksReceived === 0 && age > STUCK_THRESHOLDS.callbackGraceMs && outranks(remote.status, facts.statusBefore)) {
    return { code: 'CALLBACKS_NOT_ARRIVING', reason: callbacksReason(facts, remote.status) };
  }

  const waiting = STILL_AT_TWILIO.has(remote.status) || remote.status === 'sent';
  const late = remote.status === 'sent' ? age > STUCK_THRESHOLDS.sentMs : age > STUCK_THRESHOLDS.queuedMs;
  if (!waiting || !late) return null;

  if (facts.sandbox && (!facts.lastInboundAt || facts.now.getTime() - facts.lastInboundAt.getTime() > SANDBOX_SESSION_MS)) {
    return { code: 'SANDBOX_NOT_JOINED', reason: sandboxReason(facts, false) };
  }
  if (!facts.isTemplate && (!facts.lastInboundAt || facts.createdAt.getTime() - facts.lastInboundAt.getTime() > SESSION_WINDOW_MS)) {
    return { code: 'WINDOW_CLOSED', reason: windowReason(facts, false) };
  }
  if (remote.status === 'sent') {
    return {
      code: 'NOT_DELIVERED_YET',
      reason: `WhatsApp accepted this message ${minutesAgo(age)} ago but has not delivered it to the phone: it is probably switched off or offline, or the number no longer uses WhatsApp. WhatsApp keeps trying for up to 30 days.`,
    };
  }
  return {
    code: 'QUEUED_AT_TWILIO',
    reason: `Twilio has not handed this message to WhatsApp ${minutesAgo(age)} after it was sent (still "${remote.status}"): the sender may be over its rate limit (WHATSAPP_MPS) or WhatsApp may be slow. Twilio keeps trying.`,
  };
};
