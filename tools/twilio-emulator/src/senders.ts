import { newSid } from './ids';
import { isValidAddress, sameNumber, stripChannel, toWhatsApp } from './phone';

/** What Account fetch reports: an upgraded (`Full`) or `Trial` account, and whether it may be used. */
export interface AccountProfile {
  friendlyName: string;
  type: 'Full' | 'Trial';
  status: 'active' | 'suspended' | 'closed';
}

/** A number the account owns (IncomingPhoneNumbers). `smsUrl: undefined` follows `inboundWebhookUrl`. */
export interface OwnedNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  smsUrl?: string | null;
  smsMethod: 'POST' | 'GET';
}

/** A registered WhatsApp sender (Messaging v2 Channels/Senders). `callbackUrl: undefined` follows `inboundWebhookUrl`. */
export interface WhatsAppSender {
  sid: string;
  senderId: string;
  status: string;
  callbackUrl?: string | null;
  callbackMethod: 'POST' | 'GET';
}

/** A Messaging Service with its pool: numbers (`PN…`) and channel senders (`whatsapp:+…`). */
export interface MessagingService {
  sid: string;
  friendlyName: string;
  inboundRequestUrl: string | null;
  inboundMethod: 'POST' | 'GET';
  useInboundWebhookOnNumber: boolean;
  phoneNumbers: string[];
  senders: string[];
}

export interface SenderInput {
  phoneNumber: string;
  /** Also registered as a WhatsApp sender (default true). */
  whatsapp?: boolean;
  /** WhatsApp sender status (default ONLINE). */
  status?: string;
  /** The sender's incoming-message URL; omitted: follows the emulator's `inboundWebhookUrl`. */
  webhookUrl?: string | null;
  webhookMethod?: 'POST' | 'GET';
  friendlyName?: string;
}

export interface ServiceInput {
  sid?: string;
  friendlyName?: string;
  inboundRequestUrl?: string | null;
  inboundMethod?: 'POST' | 'GET';
  useInboundWebhookOnNumber?: boolean;
  /** E.164 numbers put in the service's pool (added to the account's numbers when missing). */
  phoneNumbers?: string[];
  /** Channel senders, e.g. `whatsapp:+15005550006`. */
  senders?: string[];
}

/** Twilio's magic test number, which the bundled emulator sends from by default. */
export const DEFAULT_SENDER = '+15005550006';
/** Twilio's shared WhatsApp sandbox number: never on an account, never a registered sender. */
export const SANDBOX_SENDER = '+14155238886';

const DEFAULT_ACCOUNT: AccountProfile = { friendlyName: 'Twilio emulator', type: 'Full', status: 'active' };

const ACCOUNT_TYPES = ['Full', 'Trial'] as const;
const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
const METHODS = ['POST', 'GET'] as const;

const optionalUrl = (value: unknown, name: string): string | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value !== 'string') throw new TypeError(`${name} must be a URL string or null`);
  new URL(value);
  return value;
};

const method = (value: unknown, name: string): 'POST' | 'GET' => {
  if (value === undefined) return 'POST';
  if (!(METHODS as readonly unknown[]).includes(value)) throw new TypeError(`${name} must be POST or GET`);
  return value as 'POST' | 'GET';
};

const e164 = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || !isValidAddress(value)) throw new TypeError(`${name} must be an E.164 number`);
  return stripChannel(value.trim());
};

/**
 * The account's profile, its numbers, WhatsApp senders and Messaging Services, and who joined
 * the WhatsApp sandbox: what a go-live check asks Twilio about. Starts with the default sender
 * owned and registered, like a working account.
 */
export class SenderStore {
  account: AccountProfile = { ...DEFAULT_ACCOUNT };
  numbers: OwnedNumber[] = [];
  whatsappSenders: WhatsAppSender[] = [];
  services: MessagingService[] = [];
  /** Numbers (E.164) that sent "join <code>" to the sandbox. */
  readonly sandboxParticipants = new Set<string>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.account = { ...DEFAULT_ACCOUNT };
    this.numbers = [];
    this.whatsappSenders = [];
    this.services = [];
    this.sandboxParticipants.clear();
    this.addSender({ phoneNumber: DEFAULT_SENDER });
  }

  setAccount(input: Record<string, unknown>): AccountProfile {
    const next = { ...this.account };
    for (const [key, value] of Object.entries(input)) {
      if (key === 'type' && (ACCOUNT_TYPES as readonly unknown[]).includes(value)) next.type = value as AccountProfile['type'];
      else if (key === 'status' && (ACCOUNT_STATUSES as readonly unknown[]).includes(value)) next.status = value as AccountProfile['status'];
      else if (key === 'friendlyName' && typeof value === 'string' && value.trim()) next.friendlyName = value.trim();
      else throw new TypeError(`invalid account ${key}: type is Full|Trial, status active|suspended|closed, friendlyName a string`);
    }
    this.account = next;
    return { ...next };
  }

  /** Adds (or replaces) an owned number and, unless `whatsapp: false`, its WhatsApp sender. */
  addSender(input: SenderInput): { number: OwnedNumber; whatsappSender: WhatsAppSender | null } {
    const phoneNumber = e164(input.phoneNumber, 'phoneNumber');
    if (phoneNumber === SANDBOX_SENDER) throw new TypeError('the sandbox number belongs to Twilio, not to an account');
    const webhookUrl = optionalUrl(input.webhookUrl, 'webhookUrl');
    const webhookMethod = method(input.webhookMethod, 'webhookMethod');
    this.removeSender(phoneNumber);
    const number: OwnedNumber = {
      sid: newSid('PN'),
      phoneNumber,
      friendlyName: input.friendlyName ?? phoneNumber,
      smsMethod: webhookMethod,
      ...(webhookUrl !== undefined ? { smsUrl: webhookUrl } : {}),
    };
    this.numbers.push(number);
    let whatsappSender: WhatsAppSender | null = null;
    if (input.whatsapp !== false) {
      whatsappSender = {
        sid: newSid('XE'),
        senderId: toWhatsApp(phoneNumber),
        status: typeof input.status === 'string' && input.status ? input.status : 'ONLINE',
        callbackMethod: webhookMethod,
        ...(webhookUrl !== undefined ? { callbackUrl: webhookUrl } : {}),
      };
      this.whatsappSenders.push(whatsappSender);
    }
    return { number, whatsappSender };
  }

  removeSender(phoneNumber: string): boolean {
    const bare = stripChannel(phoneNumber);
    const before = this.numbers.length + this.whatsappSenders.length;
    this.numbers = this.numbers.filter((number) => number.phoneNumber !== bare);
    this.whatsappSenders = this.whatsappSenders.filter((sender) => !sameNumber(sender.senderId, bare));
    return this.numbers.length + this.whatsappSenders.length < before;
  }

  addService(input: ServiceInput): MessagingService {
    if (input.sid !== undefined && !/^MG[0-9a-fA-F]{32}$/.test(input.sid)) throw new TypeError('sid must be MG followed by 32 hex digits');
    const phoneNumbers = (input.phoneNumbers ?? []).map((value) => e164(value, 'phoneNumbers[]'));
    const senders = (input.senders ?? []).map((value) => {
      if (typeof value !== 'string' || !isValidAddress(value)) throw new TypeError('senders[] must be whatsapp:+… or +… numbers');
      return value.startsWith('whatsapp:') ? value : toWhatsApp(value);
    });
    const pool = phoneNumbers.map((phoneNumber) => {
      const owned = this.numbers.find((number) => number.phoneNumber === phoneNumber);
      return (owned ?? this.addSender({ phoneNumber, whatsapp: false }).number).sid;
    });
    const service: MessagingService = {
      sid: input.sid ?? newSid('MG'),
      friendlyName: input.friendlyName ?? 'Emulated Messaging Service',
      inboundRequestUrl: optionalUrl(input.inboundRequestUrl, 'inboundRequestUrl') ?? null,
      inboundMethod: method(input.inboundMethod, 'inboundMethod'),
      useInboundWebhookOnNumber: input.useInboundWebhookOnNumber ?? false,
      phoneNumbers: pool,
      senders,
    };
    this.services = this.services.filter((existing) => existing.sid !== service.sid);
    this.services.push(service);
    return service;
  }

  joinSandbox(phoneNumber: string): void {
    this.sandboxParticipants.add(e164(phoneNumber, 'number'));
  }

  /** Whether a message from `from` to `to` is a sandbox send to someone who never joined. */
  blockedBySandbox(from: string | null, to: string): boolean {
    return from !== null && sameNumber(from, SANDBOX_SENDER) && !this.sandboxParticipants.has(stripChannel(to));
  }
}
