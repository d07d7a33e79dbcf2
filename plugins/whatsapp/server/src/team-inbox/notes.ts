import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ConversationNote } from '../../../shared/team-inbox';
import { isoOrNull } from '../database/sql-row';
import { createTeamInboxRepository } from './sql';

type Row = Record<string, unknown>;

export const noteItem = (row: Row): ConversationNote => ({
  kind: 'note',
  id: Number(row.id),
  body: String(row.body),
  author: { id: row.author_id === null ? null : Number(row.author_id), name: String(row.author_name) },
  createdAt: isoOrNull(row.created_at) as string,
});

/** An admin user as Strapi's admin names them. */
export type NoteAuthor = { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null };

const authorName = (user: NoteAuthor) => [user.firstname, user.lastname].filter(Boolean).join(' ').trim() || user.username || user.email || `Admin ${user.id}`;

/** Internal notes: staff write them in a thread, staff read them there; they never reach WhatsApp. */
export const createNotesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createTeamInboxRepository(strapi);

  const conversationId = async (documentId: string) => {
    const id = await repository().conversationId(documentId);
    if (id === null) throw new errors.NotFoundError('Conversation not found');
    return id;
  };

  return {
    async create(documentId: string, author: NoteAuthor, body: string): Promise<ConversationNote> {
      const row = await repository().insertNote(await conversationId(documentId), documentId, { id: author.id, name: authorName(author) }, body);
      return noteItem(row);
    },

    /** A conversation's notes, oldest first. */
    async list(documentId: string): Promise<ConversationNote[]> {
      return (await repository().notesBetween(await conversationId(documentId), null, null)).map(noteItem);
    },

    /** The notes of a conversation (by row id) written in [from, to), either end open when null: what a thread page spans. */
    async between(conversationRowId: number, from: Date | string | null, to: Date | string | null): Promise<ConversationNote[]> {
      return (await repository().notesBetween(conversationRowId, from, to)).map(noteItem);
    },
  };
};

export type NotesService = ReturnType<typeof createNotesService>;
