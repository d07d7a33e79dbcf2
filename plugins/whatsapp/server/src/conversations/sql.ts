import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { TABLE } from '../database/strapi-tables';

type Row = Record<string, unknown>;

export type ConversationForReply = {
  id: number;
  documentId: string;
  sender: string;
  lastInboundAt: string | Date | null;
  candidate: CandidateForSend | null;
};

export type CandidateForSend = {
  documentId: string;
  name: string | null;
  phone: string;
  email: string | null;
  optIn: string;
  tags: unknown;
  attributes: Record<string, unknown> | null;
};

const CANDIDATE_FIELDS = ['documentId', 'name', 'phone', 'email', 'optIn', 'tags', 'attributes'];

/** Reads and the one emulator-only write of the conversations feature (Document Service and query engine). */
export const conversationsRepository = (strapi: Core.Strapi) => ({
  async conversation(documentId: string): Promise<ConversationForReply | null> {
    return (await strapi.db.query(UID.conversation).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'sender', 'lastInboundAt'],
      populate: { candidate: { select: CANDIDATE_FIELDS } },
    })) as ConversationForReply | null;
  },

  /** The conversation of a candidate with one sender (its thread key), if any. */
  async conversationWith(sender: string, candidateDocumentId: string): Promise<{ documentId: string; lastInboundAt: string | Date | null } | null> {
    return (await strapi.db.query(UID.conversation).findOne({
      where: { threadKey: `${sender}|${candidateDocumentId}` },
      select: ['documentId', 'lastInboundAt'],
    })) as { documentId: string; lastInboundAt: string | Date | null } | null;
  },

  /** The conversation a message was written into. */
  async conversationOfMessage(messageDocumentId: string): Promise<string | null> {
    const row = (await strapi.db.query(UID.message).findOne({
      where: { documentId: messageDocumentId },
      select: ['id'],
      populate: { conversation: { select: ['documentId'] } },
    })) as { conversation?: { documentId: string } | null } | null;
    return row?.conversation?.documentId ?? null;
  },

  /** Candidates whose name, phone or email contains `search`, for starting a conversation. */
  async searchCandidates(search: string | undefined, limit: number): Promise<CandidateForSend[]> {
    const where = search
      ? { $or: [{ name: { $containsi: search } }, { phone: { $contains: search.replace(/[\s()-]/g, '') } }, { email: { $containsi: search } }] }
      : {};
    return (await strapi.db.query(UID.candidate).findMany({
      where,
      select: CANDIDATE_FIELDS,
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      limit,
    })) as CandidateForSend[];
  },

  async candidate(documentId: string): Promise<CandidateForSend | null> {
    return (await strapi.db.query(UID.candidate).findOne({ where: { documentId }, select: CANDIDATE_FIELDS })) as CandidateForSend | null;
  },

  /** Templates that can be sent now: approved and still held by Twilio. */
  async sendableTemplates(): Promise<Row[]> {
    return (await strapi.db.query(UID.template).findMany({
      where: { approvalStatus: 'approved', contentSid: { $notNull: true }, deletedAtTwilio: { $null: true } },
      select: ['documentId', 'name', 'language', 'category', 'body', 'variables', 'twilioTypes'],
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      limit: 500,
    })) as Row[];
  },

  /**
   * Emulator only: moves the conversation 24 hours on, as if the candidate's last message were a
   * day older, so its window is over. Nothing else about the messages changes.
   */
  async moveWindowOn(conversationId: number): Promise<void> {
    await strapi.db
      .connection(TABLE.conversation)
      .where({ id: conversationId })
      .whereNotNull('last_inbound_at')
      .update({
        last_inbound_at: strapi.db.connection.raw(`last_inbound_at - interval '24 hours'`),
        window_expires_at: strapi.db.connection.raw(`last_inbound_at`),
      });
  },
});
