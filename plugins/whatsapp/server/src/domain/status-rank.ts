/**
 * The one rule every status path shares (callbacks, the send, the status sync): a message's
 * status only moves forward, and every event is kept whether it moved the status or not.
 * Pure, no Strapi imports; the repositories build their SQL from these values.
 */
import { OUTBOUND_STATUSES, type MessageDirection } from '../../../shared/statuses';

/**
 * How far along its delivery a message is. `failed`/`undelivered`/`canceled` rank above `sent`
 * and below `delivered`: they end a message that has not been delivered (nothing earlier moves
 * it again), while a later `delivered`/`read` is proof of delivery and still wins.
 * `received` (inbound) outranks everything as a current status, but is never an event that applies.
 */
export const STATUS_RANK: Readonly<Record<string, number>> = Object.freeze({
  pending: 0,
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  failed: 4.5,
  undelivered: 4.5,
  canceled: 4.5,
  delivered: 5,
  read: 6,
  received: 7,
});

/** Rank of a message's current status; one we do not know counts as not yet handed over. */
export const UNKNOWN_CURRENT_RANK = 0;

const FAILURE_STATUSES = new Set(['failed', 'undelivered']);

export const isFailureStatus = (status: string): boolean => FAILURE_STATUSES.has(status);

const APPLICABLE_EVENT_STATUSES: ReadonlySet<string> = new Set(OUTBOUND_STATUSES);

/**
 * Rank of a status reported by Twilio; undefined for one that never applies (kept as an event
 * only): a status we do not know, and any that is not an outbound one (`received`, `pending`).
 */
export const eventRank = (status: string): number | undefined =>
  APPLICABLE_EVENT_STATUSES.has(status) ? STATUS_RANK[status] : undefined;

/** The only direction whose messages status events move; an inbound message keeps `received`. */
export const STATUS_EVENTS_DIRECTION = 'outbound' satisfies MessageDirection;

export const receivesStatusEvents = (direction: string | null | undefined): boolean => direction === STATUS_EVENTS_DIRECTION;

export const currentRank = (status: string | null | undefined): number =>
  status && Object.prototype.hasOwnProperty.call(STATUS_RANK, status) ? STATUS_RANK[status]! : UNKNOWN_CURRENT_RANK;

/** Whether an event with this status moves a message whose status is `current`. */
export const outranks = (eventStatus: string, current: string | null | undefined): boolean => {
  const rank = eventRank(eventStatus);
  return rank !== undefined && rank > currentRank(current);
};

/**
 * Which delivery timestamps an event proves, whatever the current status: a `read` that
 * arrives first also proves the message was sent and delivered.
 */
export const provenMilestones = (eventStatus: string) => {
  const rank = eventRank(eventStatus);
  const reached = (status: 'sent' | 'delivered' | 'read') => rank !== undefined && rank >= STATUS_RANK[status] && rank < STATUS_RANK.received;
  return {
    sent: reached('sent') && !isFailureStatus(eventStatus) && eventStatus !== 'canceled',
    delivered: reached('delivered'),
    read: reached('read'),
  };
};

export type DeliveryState = {
  /** Only an outbound message's state changes (receivesStatusEvents). */
  direction: string | null;
  status: string | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  failedAt: Date | null;
  errorCode: number | null;
  errorMessage: string | null;
};

export type StatusEvent = {
  status: string;
  at: Date;
  errorCode?: number | null;
  errorMessage?: string | null;
};

/**
 * The state of a message after one more status event. Timestamps keep the first time they
 * were proven; the error of the first failure that applied is kept.
 */
export const applyStatusEvent = (state: DeliveryState, event: StatusEvent): DeliveryState => {
  if (!receivesStatusEvents(state.direction)) return state;
  const applies = outranks(event.status, state.status);
  const proven = provenMilestones(event.status);
  const failure = applies && isFailureStatus(event.status);
  const keepsFirstError = state.errorCode !== null || state.errorMessage !== null;
  return {
    direction: state.direction,
    status: applies ? event.status : state.status,
    sentAt: state.sentAt ?? (proven.sent ? event.at : null),
    deliveredAt: state.deliveredAt ?? (proven.delivered ? event.at : null),
    readAt: state.readAt ?? (proven.read ? event.at : null),
    failedAt: state.failedAt ?? (failure ? event.at : null),
    errorCode: failure && !keepsFirstError ? (event.errorCode ?? null) : state.errorCode,
    errorMessage: failure && !keepsFirstError ? (event.errorMessage ?? null) : state.errorMessage,
  };
};

/** Several events in arrival order. */
export const applyStatusEvents = (state: DeliveryState, events: readonly StatusEvent[]): DeliveryState =>
  events.reduce(applyStatusEvent, state);
