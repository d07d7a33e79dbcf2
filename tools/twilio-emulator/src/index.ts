import { readConfigPatch } from './config';
import type { ApprovalChange, EmulatedContent, SeedContentInput } from './content-types';
import { EmulatorCore, type MessageQuery, type SetStatusOptions } from './emulator-core';
import type { CallbackQuery } from './webhook-dispatcher';
import type { FailureRule, FailureRuleInput } from './failures';
import { newSid, randomHex } from './ids';
import type { InboundInput, InboundResult } from './inbound';
import { sendersSnapshot } from './routes/control-senders';
import type { AccountProfile, MessagingService, OwnedNumber, SenderInput, ServiceInput, WhatsAppSender } from './senders';
import { EmulatorServer } from './server';
import type {
  CallbackAttempt,
  EmulatedMessage,
  EmulatorConfig,
  MessageStatus,
  TwilioEmulatorOptions,
} from './types';

export interface TwilioEmulator {
  /** Base URL once started (e.g. `http://127.0.0.1:54321`); empty before. */
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;

  /** Forgets messages, templates, failure rules and callbacks; restores the initial config. */
  reset(): void;
  configure(patch: Partial<EmulatorConfig>): EmulatorConfig;
  getConfig(): EmulatorConfig;

  /** Queues failure rules; each fails the next `times` matching requests, in the order pushed. */
  injectFailure(...rules: FailureRuleInput[]): FailureRule[];
  listFailures(): FailureRule[];
  clearFailures(): void;

  /** Posts a signed "a message comes in" webhook and stores the inbound message. */
  sendInbound(input: InboundInput): Promise<InboundResult>;

  /** Ends the 24-hour window between our sender and a candidate: free text then fails with 63016. */
  closeWindow(input: { sender: string; candidate: string }): { sender: string; candidate: string; closed: true };

  listMessages(query?: MessageQuery): EmulatedMessage[];
  getMessage(sid: string): EmulatedMessage | undefined;
  setMessageStatus(sid: string, status: MessageStatus, options?: SetStatusOptions): Promise<EmulatedMessage>;

  /** Every webhook post made (status callbacks and inbound), oldest first. */
  listCallbacks(query?: CallbackQuery): CallbackAttempt[];
  /** Polls the callback log until `done` accepts it; rejects after timeoutMs (default 5000). */
  waitForCallbacks(
    done: (attempts: CallbackAttempt[]) => boolean,
    options?: CallbackQuery & { timeoutMs?: number },
  ): Promise<CallbackAttempt[]>;

  /** The account's profile (`Full`/`Trial`, `active`/`suspended`/`closed`) as Account fetch reports it. */
  setAccount(profile: Partial<AccountProfile>): AccountProfile;
  /** Adds an owned number and (unless `whatsapp: false`) its WhatsApp sender; replaces one with that number. */
  addSender(input: SenderInput): { number: OwnedNumber; whatsappSender: WhatsAppSender | null };
  removeSender(phoneNumber: string): boolean;
  addService(input: ServiceInput): MessagingService;
  /** Records that a number sent "join <code>" to the sandbox (see `sandboxJoinRequired`). */
  joinSandbox(phoneNumber: string): void;
  listSenders(): ReturnType<typeof sendersSnapshot>;

  seedContent(input: SeedContentInput): EmulatedContent;
  setContentApproval(sid: string, change: ApprovalChange): EmulatedContent;
  listContent(): EmulatedContent[];
}

export const DEFAULT_HOST = '127.0.0.1';

export const createTwilioEmulator = (options: TwilioEmulatorOptions = {}): TwilioEmulator => {
  const { accountSid = newSid('AC'), authToken = randomHex(16), port = 0, host = DEFAULT_HOST, ...rest } = options;
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) throw new TypeError('accountSid must be AC followed by 32 hex digits');
  const core = new EmulatorCore(accountSid, authToken, readConfigPatch(rest));
  const server = new EmulatorServer(core);

  const waitForCallbacks: TwilioEmulator['waitForCallbacks'] = async (done, { timeoutMs = 5000, ...query } = {}) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const attempts = core.listCallbacks(query);
      if (done(attempts)) return attempts;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for callbacks (have ${attempts.length})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  return {
    get url() {
      return core.baseUrl;
    },
    accountSid,
    authToken,
    async start() {
      core.baseUrl = await server.listen(port, host);
      return { url: core.baseUrl };
    },
    async stop() {
      await core.shutdown();
      await server.close();
    },
    reset: () => core.reset(),
    configure: (patch) => core.configure(readConfigPatch(patch)),
    getConfig: () => core.getConfig(),
    injectFailure: (...rules) => core.failures.push(rules),
    listFailures: () => core.failures.list(),
    clearFailures: () => core.failures.clear(),
    sendInbound: (input) => core.sendInbound(input),
    closeWindow: (input) => core.closeWindow(input),
    listMessages: (query) => core.listMessages(query),
    getMessage: (sid) => core.getMessage(sid),
    setMessageStatus: (sid, status, statusOptions) => core.setMessageStatus(sid, status, statusOptions),
    listCallbacks: (query) => core.listCallbacks(query),
    waitForCallbacks,
    setAccount: (profile) => core.senders.setAccount(profile as Record<string, unknown>),
    addSender: (input) => core.senders.addSender(input),
    removeSender: (phoneNumber) => core.senders.removeSender(phoneNumber),
    addService: (input) => core.senders.addService(input),
    joinSandbox: (phoneNumber) => core.senders.joinSandbox(phoneNumber),
    listSenders: () => sendersSnapshot(core),
    seedContent: (input) => core.seedContent(input),
    setContentApproval: (sid, change) => core.setContentApproval(sid, change),
    listContent: () => core.listContent(),
  };
};

export type { ApprovalChange, ApprovalStatus, EmulatedContent, SeedContentInput } from './content-types';
export type { MessageQuery, SetStatusOptions } from './emulator-core';
export type { CallbackQuery } from './webhook-dispatcher';
export type { FailureOperation, FailureRule, FailureRuleInput } from './failures';
export type { AccountProfile, MessagingService, OwnedNumber, SenderInput, ServiceInput, WhatsAppSender } from './senders';
export type { InboundInput, InboundMedia, InboundReferral, InboundResult } from './inbound';
export type {
  CallbackAttempt,
  EmulatedMessage,
  EmulatorConfig,
  MessageDirection,
  MessageStatus,
  TwilioEmulatorOptions,
} from './types';
