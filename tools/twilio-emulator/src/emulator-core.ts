import { DEFAULT_CONFIG } from './config';
import { toEmulatedContent } from './content-resource';
import { ContentStore } from './content-store';
import type { ApprovalChange, EmulatedContent, SeedContentInput, StoredContent } from './content-types';
import { FailureQueue, type FailureOperation } from './failures';
import { newSid } from './ids';
import {
  buildInboundParams,
  inboundToStored,
  newInboundSid,
  type InboundInput,
  type InboundResult,
} from './inbound';
import { buildOutboundMessage } from './message-create';
import { toEmulatedMessage } from './message-resource';
import { MediaHost, type HostedMedia } from './media-host';
import { MessageStore } from './message-store';
import { isValidAddress, isWhatsApp, sameNumber, stripChannel, toWhatsApp } from './phone';
import { buildStatusParams } from './status-callbacks';
import { applyStatus, nextStatus } from './status-flow';
import { SenderStore } from './senders';
import { errorMessageFor } from './twilio-error';
import { StatusScheduler } from './status-scheduler';
import {
  MESSAGE_STATUSES,
  type CallbackAttempt,
  type EmulatedMessage,
  type EmulatorConfig,
  type MessageDirection,
  type MessageStatus,
  type StoredMessage,
} from './types';
import { WebhookDispatcher, type CallbackQuery } from './webhook-dispatcher';

export interface SetStatusOptions {
  /** Post the status callback (default true, when callbacks are on and the message has a StatusCallback). */
  callback?: boolean;
  errorCode?: number | null;
  errorMessage?: string | null;
}

export interface MessageQuery {
  direction?: MessageDirection;
  /** Matches with or without the `whatsapp:` prefix. */
  to?: string;
  status?: MessageStatus;
}

export class UnknownResourceError extends Error {}

/** Used as the sender once a Messaging Service send is queued, as Twilio picks one from the pool. */
const windowKey = (sender: string, candidate: string): string => `${stripChannel(sender)}|${stripChannel(candidate)}`;

const defaultSender = (to: string): string => (isWhatsApp(to) ? 'whatsapp:+14155238886' : '+15005550006');

/**
 * The emulator's state and every operation on it. The Twilio-shaped HTTP routes, the control
 * routes and the in-process API all call these methods, so they behave the same.
 */
export class EmulatorCore {
  config: EmulatorConfig;
  /** Set by the server once it listens; used in hosted media URLs. */
  baseUrl = '';
  readonly messages = new MessageStore();
  readonly contents: ContentStore;
  readonly failures = new FailureQueue();
  readonly senders = new SenderStore();
  readonly channelInstallSid = newSid('XE');
  private readonly initialConfig: EmulatorConfig;
  private readonly statusTimers = new StatusScheduler();
  private readonly approvalTimers = new StatusScheduler();
  private readonly webhooks: WebhookDispatcher;
  private readonly media: MediaHost;
  /** WhatsApp sessions told to be over (`sender|candidate`, bare numbers): free text to them fails with 63016. */
  private readonly closedWindows = new Set<string>();

  constructor(
    readonly accountSid: string,
    readonly authToken: string,
    config: Partial<EmulatorConfig> = {},
  ) {
    this.initialConfig = { ...DEFAULT_CONFIG, ...config };
    this.config = { ...this.initialConfig };
    this.contents = new ContentStore(accountSid);
    this.webhooks = new WebhookDispatcher(authToken, () => this.config.webhookTimeoutMs);
    this.media = new MediaHost(accountSid, () => this.baseUrl);
  }

  // ---- Messages API -------------------------------------------------------------------------

  /**
   * Throws the injected error, if a rule for one of these operations is next in the queue; the
   * first operation with a rule wins (Account fetch: a specific `account` rule, else `fetch`).
   */
  checkFailure(...operations: Exclude<FailureOperation, '*' | 'create'>[]): void {
    for (const operation of operations) {
      const decision = this.failures.take(operation);
      if (decision?.type === 'reject') throw decision.error;
      if (decision) return;
    }
  }

  /**
   * Message create. Returns the message and, for a timeoutAfterAccept rule, how long to hold the
   * response before dropping the connection. A rule that fails the request synchronously is
   * consumed before validation (rate limits come first at Twilio); the others only once the
   * request is valid, since they need an accepted message.
   */
  createMessage(form: URLSearchParams): { message: StoredMessage; holdMs: number | null } {
    const pending = this.failures.peek('create', form.get('To') ?? undefined);
    if (pending?.decision.type === 'reject') {
      pending.consume();
      throw pending.decision.error;
    }
    const message = buildOutboundMessage(form, {
      accountSid: this.accountSid,
      contents: this.contents,
      seq: this.messages.nextSeq(),
    });
    pending?.consume();
    if (pending?.decision.type === 'failLater') message.plannedFailure = pending.decision.failure;
    else if (this.config.sandboxJoinRequired && this.senders.blockedBySandbox(message.from, message.to)) {
      // The sandbox only delivers to numbers that sent it "join <code>" (within the last 72 h).
      message.plannedFailure = { code: 63015, message: errorMessageFor(63015), status: 'failed' };
    } else if (!message.contentSid && message.from && this.closedWindows.has(windowKey(message.from, message.to))) {
      // As at Twilio: accepted, then failed by WhatsApp because the session is over.
      message.plannedFailure = { code: 63016, message: errorMessageFor(63016), status: 'failed' };
    }
    this.messages.add(message);
    this.scheduleNext(message);
    return { message, holdMs: pending?.decision.type === 'hang' ? pending.decision.holdMs : null };
  }

  deleteMessage(sid: string): boolean {
    this.statusTimers.cancel(sid);
    return this.messages.delete(sid);
  }

  // ---- Status progression -------------------------------------------------------------------

  private scheduleNext(message: StoredMessage): void {
    if (!this.config.autoAdvance || nextStatus(message) === null) return;
    this.statusTimers.schedule(message.sid, this.config.stepMs, () => this.advance(message.sid));
  }

  private advance(sid: string): void {
    const message = this.messages.get(sid);
    const next = message ? nextStatus(message) : null;
    if (!message || !next) return;
    this.transition(message, next);
    void this.postStatus(message);
    this.scheduleNext(message);
  }

  private transition(message: StoredMessage, status: MessageStatus, options: SetStatusOptions = {}): void {
    if (message.from === null && status !== 'accepted') message.from = defaultSender(message.to);
    applyStatus(message, {
      status,
      ...(options.errorCode !== undefined ? { errorCode: options.errorCode } : {}),
      ...(options.errorMessage !== undefined ? { errorMessage: options.errorMessage } : {}),
    });
  }

  private postStatus(message: StoredMessage): Promise<void> {
    if (!this.config.callbacks || !message.statusCallback) return Promise.resolve();
    // Parameters are captured now: the message may move on before the post goes out.
    return this.webhooks.enqueue(message.sid, {
      kind: 'status',
      url: message.statusCallback,
      params: buildStatusParams(message, this.channelInstallSid),
      messageSid: message.sid,
    });
  }

  // ---- Control operations -------------------------------------------------------------------

  getConfig(): EmulatorConfig {
    return { ...this.config };
  }

  configure(patch: Partial<EmulatorConfig>): EmulatorConfig {
    this.config = { ...this.config, ...patch };
    if (!this.config.autoAdvance) {
      this.statusTimers.cancelAll();
    } else {
      for (const message of this.messages.query({ direction: 'outbound-api' })) {
        if (!this.statusTimers.has(message.sid)) this.scheduleNext(message);
      }
    }
    return this.getConfig();
  }

  /** Forgets every message, template, rule and callback, and restores the initial config. */
  reset(): void {
    this.statusTimers.cancelAll();
    this.approvalTimers.cancelAll();
    this.webhooks.reset();
    this.messages.clear();
    this.contents.clear();
    this.failures.clear();
    this.senders.reset();
    this.media.clear();
    this.closedWindows.clear();
    this.config = { ...this.initialConfig };
  }

  /** Stops timers and in-flight webhook posts; used when the server stops. */
  async shutdown(): Promise<void> {
    this.statusTimers.cancelAll();
    this.approvalTimers.cancelAll();
    await this.webhooks.shutdown();
  }

  listMessages(query: MessageQuery = {}): EmulatedMessage[] {
    return this.messages
      .query(query.direction ? { direction: query.direction } : {})
      .filter((message) => (query.to ? sameNumber(message.to, query.to) : true))
      .filter((message) => (query.status ? message.status === query.status : true))
      .map(toEmulatedMessage);
  }

  getMessage(sid: string): EmulatedMessage | undefined {
    const message = this.messages.get(sid);
    return message ? toEmulatedMessage(message) : undefined;
  }

  /**
   * Forces a status (e.g. `failed` with an error code), posting its callback unless told not to.
   * Resolves once that callback has been answered. Auto-advance carries on from the new status.
   */
  async setMessageStatus(sid: string, status: MessageStatus, options: SetStatusOptions = {}): Promise<EmulatedMessage> {
    if (!MESSAGE_STATUSES.includes(status)) throw new TypeError(`unknown message status ${String(status)}`);
    const message = this.messages.get(sid);
    if (!message) throw new UnknownResourceError(`no message ${sid}`);
    this.statusTimers.cancel(sid);
    this.transition(message, status, options);
    const posted = options.callback === false ? Promise.resolve() : this.postStatus(message);
    this.scheduleNext(message);
    await posted;
    return toEmulatedMessage(message);
  }

  listCallbacks(query: CallbackQuery = {}): CallbackAttempt[] {
    return this.webhooks.list(query);
  }

  // ---- Inbound ------------------------------------------------------------------------------

  async sendInbound(input: InboundInput): Promise<InboundResult> {
    if (typeof input?.from !== 'string' || !isValidAddress(toWhatsApp(input.from))) {
      throw new TypeError('from must be an E.164 number (+… or whatsapp:+…)');
    }
    if (input.to !== undefined && !isValidAddress(toWhatsApp(input.to))) throw new TypeError('to must be an E.164 number');
    const url = input.url ?? this.config.inboundWebhookUrl;
    input = { ...input, to: input.to ?? this.config.defaultInboundTo };
    if (!url) throw new TypeError('no webhook URL: pass url or configure inboundWebhookUrl');
    new URL(url);
    const messageSid = newInboundSid(input);
    const mediaUrls = (input.media ?? []).map((media) => media.url ?? this.media.host(messageSid, media.contentType));
    const params = buildInboundParams(input, mediaUrls, { accountSid: this.accountSid, messageSid });
    if (!this.messages.get(messageSid)) {
      this.messages.add(inboundToStored(params, mediaUrls, this.messages.nextSeq()));
    }
    // A message from the candidate opens a new 24-hour session with that sender.
    this.closedWindows.delete(windowKey(params.To ?? '', params.From ?? ''));
    const attempt = await this.webhooks.post({ kind: 'inbound', url, params, messageSid });
    return {
      url,
      messageSid,
      params,
      signature: attempt.signature,
      status: attempt.responseStatus,
      body: attempt.responseBody,
      error: attempt.error,
    };
  }

  /**
   * Ends the WhatsApp customer service window between our `sender` and `candidate` as if 24 hours
   * had passed: free text to the candidate then fails with 63016 until they write again.
   */
  closeWindow(input: { sender: unknown; candidate: unknown }): { sender: string; candidate: string; closed: true } {
    for (const [name, value] of Object.entries(input)) {
      if (typeof value !== 'string' || !isValidAddress(toWhatsApp(value))) throw new TypeError(`${name} must be an E.164 number`);
    }
    const sender = toWhatsApp(input.sender as string);
    const candidate = toWhatsApp(input.candidate as string);
    this.closedWindows.add(windowKey(sender, candidate));
    return { sender, candidate, closed: true };
  }

  getMedia(messageSid: string, mediaSid: string): HostedMedia | undefined {
    return this.media.get(messageSid, mediaSid);
  }

  // ---- Content ------------------------------------------------------------------------------

  seedContent(input: SeedContentInput): EmulatedContent {
    if (input.sid && this.contents.get(input.sid)) throw new TypeError(`content ${input.sid} already exists`);
    return toEmulatedContent(this.contents.seed(input));
  }

  listContent(): EmulatedContent[] {
    return this.contents.list().map(toEmulatedContent);
  }

  setContentApproval(sid: string, change: ApprovalChange): EmulatedContent {
    const content = this.contents.get(sid);
    if (!content) throw new UnknownResourceError(`no content ${sid}`);
    this.approvalTimers.cancel(sid);
    return toEmulatedContent(this.contents.setApproval(content, change));
  }

  deleteContent(sid: string): boolean {
    this.approvalTimers.cancel(sid);
    return this.contents.delete(sid);
  }

  /** WhatsApp review, sped up: received → pending → approved, when approvalStepMs is set. */
  submitForApproval(content: StoredContent, body: unknown): StoredContent {
    this.contents.submitForApproval(content, body);
    this.scheduleApproval(content.sid);
    return content;
  }

  private scheduleApproval(sid: string): void {
    const stepMs = this.config.approvalStepMs;
    if (stepMs <= 0) return;
    this.approvalTimers.schedule(sid, stepMs, () => {
      const content = this.contents.get(sid);
      if (!content) return;
      if (content.approval.status === 'received') {
        this.contents.setApproval(content, { status: 'pending' });
        this.scheduleApproval(sid);
      } else if (content.approval.status === 'pending') {
        this.contents.setApproval(content, { status: 'approved' });
      }
    });
  }
}
