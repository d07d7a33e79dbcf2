import { nowSeconds } from './dates';
import { errorMessageFor } from './twilio-error';
import type { MessageStatus, StoredMessage } from './types';

const FINAL: ReadonlySet<MessageStatus> = new Set(['read', 'failed', 'undelivered', 'canceled', 'received']);

export const isFinal = (status: MessageStatus): boolean => FINAL.has(status);

export const isFailure = (status: MessageStatus): boolean => status === 'failed' || status === 'undelivered';

/** The status Twilio would report next for an outbound WhatsApp message, or null when it stops. */
export const nextStatus = (message: StoredMessage): MessageStatus | null => {
  if (message.direction !== 'outbound-api') return null;
  switch (message.status) {
    case 'accepted':
    case 'scheduled':
      return 'queued';
    case 'queued':
      // WhatsApp messages go from queued straight to sent; Twilio rarely reports `sending` for them.
      return message.plannedFailure ? message.plannedFailure.status : 'sent';
    case 'sending':
      return 'sent';
    case 'sent':
      return 'delivered';
    case 'delivered':
      return 'read';
    default:
      return null;
  }
};

export interface StatusChange {
  status: MessageStatus;
  errorCode?: number | null;
  errorMessage?: string | null;
}

/** Moves a message to a status and records the event, filling date_sent and error fields like Twilio. */
export const applyStatus = (message: StoredMessage, change: StatusChange): void => {
  const at = nowSeconds();
  message.status = change.status;
  message.dateUpdated = at;
  if (!message.dateSent && ['sending', 'sent', 'delivered', 'read', 'undelivered'].includes(change.status)) {
    message.dateSent = at;
  }
  if (isFailure(change.status)) {
    const planned = message.plannedFailure;
    const code = change.errorCode ?? planned?.code ?? 30008;
    message.errorCode = code;
    message.errorMessage = change.errorMessage ?? (planned && planned.code === code ? planned.message : errorMessageFor(code));
  } else if (change.errorCode !== undefined) {
    message.errorCode = change.errorCode;
    message.errorMessage = change.errorMessage ?? (change.errorCode === null ? null : errorMessageFor(change.errorCode));
  }
  message.history.push({ status: change.status, at, errorCode: message.errorCode });
};
