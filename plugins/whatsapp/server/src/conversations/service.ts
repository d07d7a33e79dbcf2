import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SendOrigin } from '../constants';
import { getService } from '../utils/get-service';
import { unprocessableError } from '../utils/http-error';
import type { MessageSendInput } from '../sending/validation';
import { createEmulatorTools } from './emulator';
import { currentSenderOf, planReply } from './sender-rule';
import { createServiceNumbers } from './service-numbers';
import { conversationsRepository, type ConversationForReply } from './sql';

type ReplyInput = Omit<MessageSendInput, 'candidate' | 'to'>;

const ORIGIN: SendOrigin = 'inbox';

/**
 * The inbox's sending side: which sender a conversation's next message goes from (and its
 * window), replies, new conversations, and the emulator's "phone" in emulator mode.
 */
export const createConversationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => conversationsRepository(strapi);
  const serviceNumbers = createServiceNumbers(strapi);
  const outbound = () => getService(strapi, 'sending').outbound;

  const load = async (documentId: string): Promise<ConversationForReply & { candidate: NonNullable<ConversationForReply['candidate']> }> => {
    const conversation = await repository().conversation(documentId);
    if (!conversation) throw new errors.NotFoundError('Conversation not found');
    if (!conversation.candidate) throw new errors.NotFoundError('This conversation has no candidate');
    return conversation as ConversationForReply & { candidate: NonNullable<ConversationForReply['candidate']> };
  };

  const planFor = async (conversation: ConversationForReply & { candidate: { documentId: string } }) => {
    const settings = await getService(strapi, 'settings').getResolved();
    const numbers = await serviceNumbers(settings.messagingServiceSid, settings.defaultCountry);
    const config = { whatsappNumber: settings.whatsappNumber, messagingServiceSid: settings.messagingServiceSid };
    const ours = planReply({ conversationSender: conversation.sender, config, serviceNumbers: numbers, lastInboundWithNextSender: null, now: new Date() });
    // The window that matters is the one with the sender the next message uses.
    let nextConversation: { documentId: string; lastInboundAt: string | Date | null } | null = null;
    if (ours.senderIsOurs) nextConversation = { documentId: conversation.documentId, lastInboundAt: conversation.lastInboundAt };
    else if (ours.nextSender) nextConversation = await repository().conversationWith(ours.nextSender, conversation.candidate.documentId);
    const plan = planReply({
      conversationSender: conversation.sender,
      config,
      serviceNumbers: numbers,
      lastInboundWithNextSender: nextConversation?.lastInboundAt ? new Date(nextConversation.lastInboundAt) : null,
      now: new Date(),
    });
    return { ...plan, nextConversation: nextConversation?.documentId ?? null };
  };

  const withConversation = async (message: { documentId: string }) => ({
    message,
    conversation: await repository().conversationOfMessage(message.documentId),
  });

  return {
    /** How the next message of this conversation goes out, and the candidate's fields for templates. */
    async replyPlan(documentId: string) {
      const conversation = await load(documentId);
      return { ...(await planFor(conversation)), candidate: conversation.candidate };
    },

    /**
     * A reply in a conversation: from the conversation's own sender while it is ours. With a
     * sender we no longer use, only a template can go, from the current sender (into the
     * candidate's conversation with it): free text there would reach nobody's open window.
     */
    async reply(documentId: string, input: ReplyInput) {
      const conversation = await load(documentId);
      const plan = await planFor(conversation);
      const send: MessageSendInput = { ...input, candidate: conversation.candidate.documentId };
      if (plan.senderIsOurs) return withConversation(await outbound().send(send, ORIGIN, { sender: conversation.sender }));
      if (!input.template) {
        throw unprocessableError(
          'SENDER_NOT_OURS',
          `This conversation is with ${conversation.sender}, a number you no longer send from. Send a template from ${plan.nextSender ?? 'your current sender'} instead.`,
          { sender: conversation.sender, currentSender: plan.nextSender },
        );
      }
      return withConversation(await outbound().send(send, ORIGIN));
    },

    /** A template to a candidate or a number (a new number becomes a candidate), from the current sender. */
    async start(input: MessageSendInput) {
      return withConversation(await outbound().send(input, ORIGIN));
    },

    async searchCandidates(search: string | undefined) {
      return repository().searchCandidates(search, 20);
    },

    async candidate(documentId: string) {
      const found = await repository().candidate(documentId);
      if (!found) throw new errors.NotFoundError('Candidate not found');
      return found;
    },

    sendableTemplates: () => repository().sendableTemplates(),

    /** The sender new conversations start from (a number, or a Messaging Service SID) and how numbers are read. */
    async sendOptions() {
      const settings = await getService(strapi, 'settings').getResolved();
      return { sender: currentSenderOf(settings), defaultCountry: settings.defaultCountry };
    },

    emulator: () => createEmulatorTools(strapi),
  };
};

export type ConversationsService = ReturnType<typeof createConversationsService>;
