import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import type { OptInState } from '../../../shared/statuses';
import type { Actor } from '../../../shared/audit';

/**
 * The records a send reads and writes: candidate, conversation, template and the outbound
 * message itself. Through the Document Service (its rules and relations apply), except the
 * row lock a retry takes, which only SQL can express.
 */

export type CandidateRecord = {
  id: number;
  documentId: string;
  phone: string;
  name: string | null;
  optIn: OptInState;
};

export type ConversationRecord = { id: number; documentId: string; lastInboundAt: string | null };

export type TemplateRecord = {
  documentId: string;
  name: string;
  body: string;
  contentSid: string | null;
  approvalStatus: string;
  rejectionReason: string | null;
  deletedAtTwilio: string | null;
};

export type MediaItem = { url: string; contentType: string | null };

export type MessageRecord = {
  id: number;
  documentId: string;
  direction: 'inbound' | 'outbound';
  status: string;
  from: string | null;
  to: string | null;
  body: string | null;
  media: MediaItem[] | null;
  variables: Record<string, string> | null;
  twilioSid: string | null;
  candidate?: CandidateRecord | null;
  conversation?: ConversationRecord | null;
  template?: TemplateRecord | null;
};

export type NewOutboundMessage = {
  candidate: string;
  conversation: string;
  template?: string;
  retryOf?: string;
  from: string | null;
  to: string;
  body: string | null;
  media: MediaItem[] | null;
  variables: Record<string, string> | null;
};

const CANDIDATE_FIELDS = ['phone', 'name', 'optIn'];
const TEMPLATE_FIELDS = ['name', 'body', 'contentSid', 'approvalStatus', 'rejectionReason', 'deletedAtTwilio'];

// `as never`: plugin content types are not in the host app's generated type registry.
export const createOutboundMessageRepository = (strapi: Core.Strapi) => ({
  async findCandidate(documentId: string): Promise<CandidateRecord | null> {
    return (await strapi.documents(UID.candidate).findOne({ documentId, fields: CANDIDATE_FIELDS as never })) as CandidateRecord | null;
  },

  async findCandidateByPhone(phone: string): Promise<CandidateRecord | null> {
    return (await strapi
      .documents(UID.candidate)
      .findFirst({ filters: { phone } as never, fields: CANDIDATE_FIELDS as never })) as CandidateRecord | null;
  },

  /** The candidate for a number we message first; a concurrent writer (a webhook) may win the race. */
  async findOrCreateCandidate(phone: string): Promise<CandidateRecord> {
    const existing = await this.findCandidateByPhone(phone);
    if (existing) return existing;
    try {
      return (await strapi.documents(UID.candidate).create({
        data: { phone, optIn: 'unknown', optInSource: 'outbound' } as never,
        fields: CANDIDATE_FIELDS as never,
      })) as unknown as CandidateRecord;
    } catch (error) {
      const winner = await this.findCandidateByPhone(phone);
      if (winner) return winner;
      throw error;
    }
  },

  async findConversation(threadKey: string): Promise<ConversationRecord | null> {
    return (await strapi
      .documents(UID.conversation)
      .findFirst({ filters: { threadKey } as never, fields: ['lastInboundAt'] as never })) as ConversationRecord | null;
  },

  /** One conversation per candidate and sender; the unique thread key settles a race. */
  async findOrCreateConversation(input: { candidate: string; sender: string; threadKey: string }): Promise<ConversationRecord> {
    const existing = await this.findConversation(input.threadKey);
    if (existing) return existing;
    try {
      return (await strapi.documents(UID.conversation).create({
        data: { candidate: input.candidate, sender: input.sender, threadKey: input.threadKey, status: 'open', unreadCount: 0 } as never,
        fields: ['lastInboundAt'] as never,
      })) as unknown as ConversationRecord;
    } catch (error) {
      const winner = await this.findConversation(input.threadKey);
      if (winner) return winner;
      throw error;
    }
  },

  async findTemplate(documentId: string): Promise<TemplateRecord | null> {
    return (await strapi.documents(UID.template).findOne({ documentId, fields: TEMPLATE_FIELDS as never })) as TemplateRecord | null;
  },

  /** A message with what a send or a retry needs to know about it. */
  async findMessage(documentId: string): Promise<MessageRecord | null> {
    return (await strapi.documents(UID.message).findOne({
      documentId,
      populate: {
        candidate: { fields: CANDIDATE_FIELDS },
        conversation: { fields: ['lastInboundAt'] },
        template: { fields: TEMPLATE_FIELDS },
      } as never,
    })) as unknown as MessageRecord | null;
  },

  /**
   * The pending message and who caused it. The actor columns are written with SQL in the same
   * transaction: the Document Service drops them for every writer (sending/document-rules.ts).
   */
  async createMessage(trx: Knex.Transaction, data: NewOutboundMessage, actor: Actor) {
    const created = await strapi.documents(UID.message).create({
      data: { ...data, direction: 'outbound', status: 'pending', sendAttempts: 0 } as never,
    });
    await trx.raw(`UPDATE ${TABLE.message} SET actor_type = ?, actor_id = ?, actor_name = ? WHERE id = ?`, [
      actor.type,
      actor.id,
      actor.name,
      created.id,
    ]);
    return { ...created, actorType: actor.type, actorId: actor.id, actorName: actor.name };
  },

  async touchConversation(documentId: string, preview: string, at: Date) {
    await strapi.documents(UID.conversation).update({
      documentId,
      data: { lastMessageAt: at.toISOString(), lastMessagePreview: preview, status: 'open' } as never,
    });
  },

  /**
   * Inside the retry's transaction: locks the original message row (so two retry requests
   * can't both go ahead) and tells whether an earlier retry of it is still alive.
   * SQL because the Document Service can't take a row lock.
   */
  async lockForRetry(trx: Knex.Transaction, messageId: number): Promise<{ liveRetry: string | null }> {
    await trx.raw(`SELECT id FROM ${TABLE.message} WHERE id = ? FOR UPDATE`, [messageId]);
    const result = await trx.raw(
      `SELECT m.document_id
         FROM ${TABLE.message} m
         JOIN ${LINK_TABLE.messageRetryOf} l ON l.message_id = m.id
        WHERE l.inv_message_id = ?
          AND m.status NOT IN ('failed', 'undelivered', 'canceled')
        LIMIT 1`,
      [messageId]
    );
    const row = (result as { rows: Array<{ document_id: string }> }).rows[0];
    return { liveRetry: row?.document_id ?? null };
  },
});

export type OutboundMessageRepository = ReturnType<typeof createOutboundMessageRepository>;
