import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { SEND_PRIORITY, type SendOrigin } from '../constants';
import { JOB } from '../jobs/names';
import { guessContentType, senderAddress } from '../domain/outbound-request';
import { parsePhone, stripWhatsAppPrefix, toWhatsAppAddress } from '../domain/phone';
import { renderTemplate } from '../domain/placeholders';
import {
  checkConfigured,
  checkRecipientPhone,
  checkSendRules,
  type RuleViolation,
  type TemplateForSend,
} from '../domain/send-rules';
import {
  createOutboundMessageRepository,
  type CandidateRecord,
  type MediaItem,
  type TemplateRecord,
} from './outbound-sql';
import { conflictError, unprocessableError } from '../utils/http-error';
import { getService } from '../utils/get-service';
import type { MessageSendInput } from './validation';
import { hostHints } from '../utils/host-hints';
import { currentActor } from '../utils/request-actor';
import type { Actor } from '../../../shared/audit';

/** Most a conversation list shows of the last message (the column is a varchar(255)). */
const PREVIEW_MAX = 200;

const RETRYABLE_STATUSES = new Set(['failed', 'undelivered']);

const refuse = (violation: RuleViolation) => unprocessableError(violation.code, violation.message, violation.details);

const notFoundInBody = (field: string, what: string) =>
  new errors.ValidationError(`No ${what} with this id`, {
    errors: [{ path: [field], message: `No ${what} with this id`, name: 'ValidationError' }],
  });

/** Everything a send needs, checked, before anything is written. */
type PreparedSend = {
  phone: string;
  candidate: CandidateRecord | null;
  sender: string;
  threadKey: (candidateDocumentId: string) => string;
  from: string | null;
  template?: TemplateRecord;
  body: string | null;
  media: MediaItem[] | null;
  variables: Record<string, string> | null;
  preview: string;
};

const toTemplateForSend = (template: TemplateRecord): TemplateForSend => ({
  documentId: template.documentId,
  name: template.name,
  body: template.body,
  contentSid: template.contentSid,
  approvalStatus: template.approvalStatus,
  rejectionReason: template.rejectionReason,
  deletedAtTwilio: template.deletedAtTwilio,
});

const previewOf = (input: { body: string | null; template?: TemplateRecord; variables: Record<string, string> | null; media: MediaItem[] | null }) => {
  const text = input.template
    ? renderTemplate(input.template.body, input.variables ?? {}).text
    : input.body?.trim() || (input.media?.length ? '[media]' : '');
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text;
};

/**
 * Sending: the rules that must hold before Twilio is called, then the pending message
 * written together with the job that hands it to Twilio (the outbox). Delivery itself is
 * sending/delivery.ts.
 */
export const createOutboundService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = createOutboundMessageRepository(strapi);

  /** `pinnedSender`: send from this one of our senders (the conversation's own) instead of the configured one. */
  const prepare = async (input: MessageSendInput, pinnedSender?: string): Promise<PreparedSend> => {
    const settings = await getService(strapi, 'settings').getResolved();
    const notConfigured = checkConfigured(settings, hostHints());
    if (notConfigured) throw refuse(notConfigured);

    let candidate: CandidateRecord | null;
    let phoneInput: string;
    if (input.candidate) {
      candidate = await repo.findCandidate(input.candidate);
      if (!candidate) throw notFoundInBody('candidate', 'candidate');
      phoneInput = candidate.phone;
    } else {
      phoneInput = input.to ?? '';
      candidate = null;
    }
    const parsed = parsePhone(phoneInput, settings.defaultCountry);
    const badPhone = checkRecipientPhone(parsed, stripWhatsAppPrefix(phoneInput));
    if (badPhone || !parsed.ok) throw refuse(badPhone!);
    const phone = parsed.e164;
    if (!candidate) candidate = await repo.findCandidateByPhone(phone);

    // The conversation is per candidate and per our sender; a Messaging Service without a
    // number of its own is keyed by its SID.
    const sender = pinnedSender ?? settings.whatsappNumber ?? settings.messagingServiceSid!;
    const threadKey = (candidateDocumentId: string) => `${sender}|${candidateDocumentId}`;
    const conversation = candidate ? await repo.findConversation(threadKey(candidate.documentId)) : null;

    let template: TemplateRecord | undefined;
    if (input.template) {
      template = (await repo.findTemplate(input.template)) ?? undefined;
      if (!template) throw notFoundInBody('template', 'template');
    }
    const variables = input.variables ?? null;
    const violation = checkSendRules({
      optIn: candidate?.optIn ?? null,
      lastInboundAt: conversation?.lastInboundAt ? new Date(conversation.lastInboundAt) : null,
      ...(template ? { template: toTemplateForSend(template) } : {}),
      ...(variables ? { variables } : {}),
      now: new Date(),
    });
    if (violation) throw refuse(violation);

    const media = input.mediaUrls?.map((url) => ({ url, contentType: guessContentType(url) })) ?? null;
    const body = template ? null : input.body?.trim() ? input.body : null;
    return {
      phone,
      candidate,
      sender,
      threadKey,
      from: pinnedSender?.startsWith('+') ? toWhatsAppAddress(pinnedSender) : (senderAddress(settings) ?? null),
      ...(template ? { template } : {}),
      body,
      media,
      variables,
      preview: previewOf({ body, template, variables, media }),
    };
  };

  /** Writes the pending message and its send job in one transaction. */
  const commit = async (
    prepared: PreparedSend,
    origin: SendOrigin,
    actor: Actor,
    options: { retryOf?: { id: number; documentId: string }; insideTransaction?: (trx: Knex.Transaction) => Promise<void> } = {}
  ) => {
    const candidate = prepared.candidate ?? (await repo.findOrCreateCandidate(prepared.phone));
    const conversation = await repo.findOrCreateConversation({
      candidate: candidate.documentId,
      sender: prepared.sender,
      threadKey: prepared.threadKey(candidate.documentId),
    });
    const queue = getService(strapi, 'queue');
    const now = new Date();
    const message = await strapi.db.transaction(async ({ trx }) => {
      await options.insideTransaction?.(trx);
      const created = await repo.createMessage(trx, {
        candidate: candidate.documentId,
        conversation: conversation.documentId,
        ...(prepared.template ? { template: prepared.template.documentId } : {}),
        ...(options.retryOf ? { retryOf: options.retryOf.documentId } : {}),
        from: prepared.from,
        to: toWhatsAppAddress(prepared.phone),
        body: prepared.body,
        media: prepared.media,
        variables: prepared.variables,
      }, actor);
      await repo.touchConversation(conversation.documentId, prepared.preview, now);
      // Same transaction: the job exists exactly when the message does.
      await queue.send(JOB.sendMessage, { messageId: created.documentId }, { trx, priority: SEND_PRIORITY[origin] });
      return created;
    });
    strapi.log.debug(`[whatsapp] message ${message.documentId} queued for sending${options.retryOf ? ` (retry of ${options.retryOf.documentId})` : ''}`);
    return message;
  };

  return {
    /**
     * `POST /messages`: 422 when a send rule refuses, else the pending message. `origin` orders
     * it in the queue: the inbox's sends go before API clients'. `actor`: who caused it (by
     * default whoever made the request being served, or the system outside a request).
     */
    async send(input: MessageSendInput, origin: SendOrigin = 'api', options: { sender?: string; actor?: Actor } = {}) {
      return commit(await prepare(input, options.sender), origin, options.actor ?? currentActor(strapi));
    },

    /**
     * Sends a failed or undelivered message again as a new message linked by `retryOf`; the
     * original keeps its failure. 409 for a message that has not failed, or whose earlier
     * retry is still under way.
     */
    async retry(documentId: string, origin: SendOrigin = 'api', actor?: Actor) {
      const original = await repo.findMessage(documentId);
      if (!original) throw new errors.NotFoundError('Message not found');
      if (original.direction !== 'outbound' || !RETRYABLE_STATUSES.has(original.status)) {
        throw conflictError(`Only a failed or undelivered outbound message can be retried (this one is ${original.direction} and ${original.status}).`, {
          code: 'NOT_RETRYABLE',
          status: original.status,
        });
      }
      const input: MessageSendInput = {
        ...(original.candidate ? { candidate: original.candidate.documentId } : { to: stripWhatsAppPrefix(original.to ?? '') }),
        ...(original.template
          ? { template: original.template.documentId, ...(original.variables ? { variables: original.variables } : {}) }
          : {
              ...(original.body ? { body: original.body } : {}),
              ...(original.media?.length ? { mediaUrls: original.media.map((item) => item.url) } : {}),
            }),
      };
      const prepared = await prepare(input);
      return commit(prepared, origin, actor ?? currentActor(strapi), {
        retryOf: { id: original.id, documentId: original.documentId },
        insideTransaction: async (trx) => {
          const { liveRetry } = await repo.lockForRetry(trx, original.id);
          if (liveRetry) {
            throw conflictError('This message has already been retried; that retry has not failed.', {
              code: 'ALREADY_RETRIED',
              retriedBy: liveRetry,
            });
          }
        },
      });
    },
  };
};

export type OutboundService = ReturnType<typeof createOutboundService>;
