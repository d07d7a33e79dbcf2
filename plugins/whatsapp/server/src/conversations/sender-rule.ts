/**
 * Which of our senders the next message of a conversation goes from. Pure: no Strapi imports.
 *
 * A conversation belongs to one of our WhatsApp senders. Its window (24 h after the candidate's
 * last message) only exists with that sender, so a reply must go from it; when we no longer send
 * from that number, only a template from the current sender can reach the candidate, in the
 * conversation with that sender.
 */
import { windowState } from '../domain/send-rules';

export type SenderConfig = { whatsappNumber?: string | undefined; messagingServiceSid?: string | undefined };

/** The sender key new conversations get: the configured number, else the Messaging Service SID. */
export const currentSenderOf = (config: SenderConfig): string | null => config.whatsappNumber ?? config.messagingServiceSid ?? null;

/**
 * Still ours: the configured number, the Messaging Service itself (conversations keyed by its
 * SID), or a number in that service's sender pool.
 */
export const isOurSender = (sender: string, config: SenderConfig, serviceNumbers: readonly string[]): boolean =>
  sender === config.whatsappNumber ||
  (Boolean(config.messagingServiceSid) && (sender === config.messagingServiceSid || serviceNumbers.includes(sender)));

export type ReplyPlan = {
  /** The conversation's own sender. */
  conversationSender: string;
  /** Whether a reply can go from it. */
  senderIsOurs: boolean;
  /** The sender the next message uses: the conversation's when ours, else the current one (null: none configured). */
  nextSender: string | null;
  /** The window with `nextSender` (from the last inbound message to it). */
  window: { open: boolean; expiresAt: string | null };
  /** Free text is possible (window open with the next sender); otherwise only a template. */
  freeTextAllowed: boolean;
};

export const planReply = (input: {
  conversationSender: string;
  config: SenderConfig;
  serviceNumbers: readonly string[];
  /** Last inbound of the conversation with `nextSender` (this one when ours, else the other one, if any). */
  lastInboundWithNextSender: Date | null;
  now: Date;
}): ReplyPlan => {
  const senderIsOurs = isOurSender(input.conversationSender, input.config, input.serviceNumbers);
  const nextSender = senderIsOurs ? input.conversationSender : currentSenderOf(input.config);
  const window = windowState(input.lastInboundWithNextSender, input.now);
  return {
    conversationSender: input.conversationSender,
    senderIsOurs,
    nextSender,
    window: { open: window.open, expiresAt: window.expiresAt?.toISOString() ?? null },
    freeTextAllowed: nextSender !== null && window.open,
  };
};
