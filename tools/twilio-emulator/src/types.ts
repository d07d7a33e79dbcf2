/** Message statuses Twilio reports on the Message resource. */
export type MessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'failed'
  | 'undelivered'
  | 'canceled'
  | 'receiving'
  | 'received';

export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'failed',
  'undelivered',
  'canceled',
  'receiving',
  'received',
];

export type MessageDirection = 'inbound' | 'outbound-api';

export interface StatusEvent {
  status: MessageStatus;
  at: Date;
  errorCode: number | null;
}

/** A failure decided at create time that shows up later as a failed status. */
export interface PlannedFailure {
  code: number;
  message: string;
  status: 'failed' | 'undelivered';
}

export interface StoredMessage {
  sid: string;
  accountSid: string;
  direction: MessageDirection;
  from: string | null;
  to: string;
  body: string;
  status: MessageStatus;
  messagingServiceSid: string | null;
  mediaUrls: string[];
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  statusCallback: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  /** Insertion order, breaks ties between messages created in the same second. */
  seq: number;
  plannedFailure: PlannedFailure | null;
  history: StatusEvent[];
}

/** JSON-friendly view of a stored message, returned by the control API. */
export interface EmulatedMessage {
  sid: string;
  direction: MessageDirection;
  from: string | null;
  to: string;
  body: string;
  status: MessageStatus;
  messagingServiceSid: string | null;
  mediaUrls: string[];
  contentSid: string | null;
  contentVariables: Record<string, string> | null;
  statusCallback: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  dateCreated: string;
  dateUpdated: string;
  dateSent: string | null;
  history: { status: MessageStatus; at: string; errorCode: number | null }[];
}

export interface EmulatorConfig {
  /** Advance outbound messages queued → sent → delivered → read on a timer. */
  autoAdvance: boolean;
  /** Post signed status callbacks to each message's StatusCallback URL. */
  callbacks: boolean;
  /** Delay between two status steps, in ms. */
  stepMs: number;
  /** Default URL for inbound ("a message comes in") webhooks. */
  inboundWebhookUrl: string | null;
  /** When > 0, WhatsApp approval requests move received → pending → approved, one step per this many ms. */
  approvalStepMs: number;
  /** Timeout of each webhook post the emulator makes, in ms (Twilio gives up after 15 s). */
  webhookTimeoutMs: number;
  /** Our WhatsApp sender an inbound message goes to when it names no `to` (`whatsapp:+…`). */
  defaultInboundTo: string;
  /** Sends from the sandbox number to a number that never joined fail with 63015, as at Twilio. */
  sandboxJoinRequired: boolean;
}

export interface TwilioEmulatorOptions extends Partial<EmulatorConfig> {
  accountSid?: string;
  authToken?: string;
  port?: number;
  host?: string;
}

export interface CallbackAttempt {
  kind: 'status' | 'inbound';
  url: string;
  params: Record<string, string>;
  signature: string;
  messageSid: string;
  /** HTTP status of the receiver's answer, or null when the request itself failed. */
  responseStatus: number | null;
  responseBody: string | null;
  error: string | null;
  at: string;
}
