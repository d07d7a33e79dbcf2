import { rfc2822 } from './dates';
import type { EmulatedMessage, StoredMessage } from './types';

export const API_VERSION = '2010-04-01';

export const messagesPath = (accountSid: string): string => `/${API_VERSION}/Accounts/${accountSid}/Messages.json`;

export const messagePath = (accountSid: string, sid: string): string =>
  `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;

/** Twilio's Message resource, snake_case, dates in RFC 2822, counts as strings. */
export const toMessageResource = (message: StoredMessage): Record<string, unknown> => ({
  account_sid: message.accountSid,
  api_version: API_VERSION,
  body: message.body,
  date_created: rfc2822(message.dateCreated),
  date_sent: message.dateSent ? rfc2822(message.dateSent) : null,
  date_updated: rfc2822(message.dateUpdated),
  direction: message.direction,
  error_code: message.errorCode,
  error_message: message.errorMessage,
  from: message.from,
  messaging_service_sid: message.messagingServiceSid,
  num_media: String(message.mediaUrls.length),
  num_segments: '1',
  price: null,
  price_unit: 'USD',
  sid: message.sid,
  status: message.status,
  subresource_uris: {
    media: `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}/Media.json`,
    feedback: `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}/Feedback.json`,
  },
  to: message.to,
  uri: messagePath(message.accountSid, message.sid),
});

export const toEmulatedMessage = (message: StoredMessage): EmulatedMessage => ({
  sid: message.sid,
  direction: message.direction,
  from: message.from,
  to: message.to,
  body: message.body,
  status: message.status,
  messagingServiceSid: message.messagingServiceSid,
  mediaUrls: [...message.mediaUrls],
  contentSid: message.contentSid,
  contentVariables: message.contentVariables ? { ...message.contentVariables } : null,
  statusCallback: message.statusCallback,
  errorCode: message.errorCode,
  errorMessage: message.errorMessage,
  dateCreated: message.dateCreated.toISOString(),
  dateUpdated: message.dateUpdated.toISOString(),
  dateSent: message.dateSent ? message.dateSent.toISOString() : null,
  history: message.history.map((event) => ({
    status: event.status,
    at: event.at.toISOString(),
    errorCode: event.errorCode,
  })),
});
