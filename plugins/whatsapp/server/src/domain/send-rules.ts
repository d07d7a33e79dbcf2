/**
 * What must hold before a message is handed to Twilio. Each refusal is a 422 whose
 * `details.code` says which rule, so a caller can act on it. Pure rules, no Strapi imports.
 */
import { extractPlaceholders } from './placeholders';
import { checkTemplateUsable } from './template-approval';
import type { ParsedPhone } from './phone';

/** WhatsApp's customer service window: free text only within 24 h of the user's last message. */
export const WINDOW_MS = 24 * 60 * 60 * 1000;

export type SendRuleCode =
  | 'NOT_CONFIGURED'
  | 'INVALID_PHONE'
  | 'OPTED_OUT'
  | 'TEMPLATE_NOT_APPROVED'
  | 'TEMPLATE_VARIABLES_MISSING'
  | 'WINDOW_CLOSED';

export type RuleViolation = { code: SendRuleCode; message: string; details: Record<string, unknown> };

export type WindowState = {
  open: boolean;
  /** Last inbound + 24 h: when the window closes (open) or closed (closed); null if never opened. */
  expiresAt: Date | null;
};

export const windowState = (lastInboundAt: Date | null | undefined, now: Date): WindowState => {
  if (!lastInboundAt) return { open: false, expiresAt: null };
  const expiresAt = new Date(lastInboundAt.getTime() + WINDOW_MS);
  return { open: expiresAt.getTime() > now.getTime(), expiresAt };
};

export type SettingsForSend = {
  mode: 'emulator' | 'sandbox' | 'production' | 'unconfigured';
  whatsappNumber?: string;
  messagingServiceSid?: string;
};

/** What the app's host offers beyond its own settings. */
export type HostHints = {
  /** The repository's development app, whose `npm run develop` runs a Twilio emulator when no credentials are set. */
  bundledEmulator?: boolean;
};

const WHERE_TO_SET = 'in the app\'s environment, or under Settings → WhatsApp → Twilio in the admin panel';

/** Credentials (or the emulator) are there. */
export const checkCredentials = (settings: Pick<SettingsForSend, 'mode'>, hints: HostHints = {}): RuleViolation | null =>
  settings.mode === 'unconfigured'
    ? {
        code: 'NOT_CONFIGURED',
        message:
          `Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN ${WHERE_TO_SET}, and a sender (TWILIO_WHATSAPP_NUMBER or TWILIO_MESSAGING_SERVICE_SID).` +
          (hints.bundledEmulator ? ' Or run `npm run develop` without Twilio credentials to use the bundled Twilio emulator.' : ''),
        details: {},
      }
    : null;

/** Credentials and a sender to send from. */
export const checkConfigured = (settings: SettingsForSend, hints: HostHints = {}): RuleViolation | null => {
  const credentials = checkCredentials(settings, hints);
  if (credentials) return credentials;
  if (!settings.whatsappNumber && !settings.messagingServiceSid) {
    return {
      code: 'NOT_CONFIGURED',
      message: `No WhatsApp sender is configured: set TWILIO_WHATSAPP_NUMBER (e.g. whatsapp:+14155238886) or TWILIO_MESSAGING_SERVICE_SID ${WHERE_TO_SET}.`,
      details: {},
    };
  }
  return null;
};

/** Only a valid mobile number can have WhatsApp. */
export const checkRecipientPhone = (parsed: ParsedPhone, input: string): RuleViolation | null => {
  if (!parsed.ok) {
    return { code: 'INVALID_PHONE', message: `${parsed.reason}.`, details: { phone: input } };
  }
  if (!parsed.isMobile) {
    return {
      code: 'INVALID_PHONE',
      message: `${parsed.e164} is not a mobile number, so it cannot receive WhatsApp messages.`,
      details: { phone: parsed.e164 },
    };
  }
  return null;
};

export type TemplateForSend = {
  documentId: string;
  name: string;
  body: string;
  contentSid?: string | null;
  approvalStatus: string;
  rejectionReason?: string | null;
  /** Set by the template sync when Twilio no longer holds the template. */
  deletedAtTwilio?: string | Date | null;
};

/** Placeholder numbers of the template that have no non-empty value. */
export const missingTemplateVariables = (body: string, variables: Record<string, string> | undefined): number[] =>
  extractPlaceholders(body).filter((n) => {
    const value = variables?.[String(n)];
    return value === undefined || value.trim() === '';
  });

export type SendRuleInput = {
  optIn: 'unknown' | 'opted_in' | 'opted_out' | null;
  /** The conversation's last inbound message (per candidate and sender). */
  lastInboundAt: Date | null;
  template?: TemplateForSend;
  variables?: Record<string, string>;
  now: Date;
};

/** The first rule the send breaks, in the order a staff member would fix them; null if none. */
export const checkSendRules = (input: SendRuleInput): RuleViolation | null => {
  if (input.optIn === 'opted_out') {
    return {
      code: 'OPTED_OUT',
      message: 'This candidate has opted out of WhatsApp messages (they sent STOP). They must send START before you can message them.',
      details: {},
    };
  }
  const { template } = input;
  if (template) {
    // The templates feature's rule (approved by WhatsApp, and still held by Twilio).
    const usable = checkTemplateUsable(template);
    if (!usable.usable) {
      return {
        code: 'TEMPLATE_NOT_APPROVED',
        message: `${usable.message}.`,
        details: { template: template.documentId, approvalStatus: template.approvalStatus, reason: usable.reason },
      };
    }
    const missing = missingTemplateVariables(template.body, input.variables);
    if (missing.length > 0) {
      return {
        code: 'TEMPLATE_VARIABLES_MISSING',
        message: `The template "${template.name}" needs a value for ${missing.map((n) => `{{${n}}}`).join(', ')}.`,
        details: { missing },
      };
    }
    // An approved template may be sent at any time: it is how a conversation (re)opens.
    return null;
  }
  const window = windowState(input.lastInboundAt, input.now);
  if (!window.open) {
    const closedAt = window.expiresAt?.toISOString() ?? null;
    return {
      code: 'WINDOW_CLOSED',
      message: closedAt
        ? `The 24-hour window closed at ${closedAt}: the candidate has not written since. Send an approved template instead.`
        : 'The candidate has never written to this WhatsApp number, so the 24-hour window is not open. Send an approved template instead.',
      details: { windowClosedAt: closedAt, lastInboundAt: input.lastInboundAt?.toISOString() ?? null },
    };
  }
  return null;
};
