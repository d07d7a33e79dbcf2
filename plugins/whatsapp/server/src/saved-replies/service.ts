import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';
import type { SavedReply } from '../../../shared/saved-replies';

type Row = Record<string, unknown>;

type Documents = {
  findMany(params: unknown): Promise<Row[]>;
  findOne(params: unknown): Promise<Row | null>;
  create(params: unknown): Promise<Row>;
  update(params: unknown): Promise<Row | null>;
  delete(params: unknown): Promise<unknown>;
};

const view = (row: Row): SavedReply => ({
  documentId: String(row.documentId),
  shortcut: String(row.shortcut),
  text: String(row.text),
  updatedAt: (row.updatedAt as string | null) ?? null,
});

/** How many saved replies the composer's list holds: a team keeps dozens, not thousands. */
export const SAVED_REPLY_LIST_MAX = 500;

/** Saved replies for the admin page and the composer, through the Document Service (its rules apply). */
export const createSavedRepliesService = ({ strapi }: { strapi: Core.Strapi }) => {
  // `as never`: plugin content types are not in the host app's generated type registry.
  const documents = () => strapi.documents(UID.savedReply as never) as unknown as Documents;

  const existing = async (documentId: string) => {
    const found = await documents().findOne({ documentId });
    if (!found) throw new errors.NotFoundError('Saved reply not found');
    return found;
  };

  return {
    async list(search?: string): Promise<SavedReply[]> {
      const filters = search ? { $or: [{ shortcut: { $containsi: search } }, { text: { $containsi: search } }] } : {};
      return (await documents().findMany({ filters, sort: ['shortcut:asc'], limit: SAVED_REPLY_LIST_MAX })).map(view);
    },

    create: async (data: { shortcut: string; text: string }) => view(await documents().create({ data })),

    async update(documentId: string, data: { shortcut?: string | undefined; text?: string | undefined }) {
      await existing(documentId);
      return view((await documents().update({ documentId, data })) as Row);
    },

    async remove(documentId: string) {
      await existing(documentId);
      await documents().delete({ documentId });
    },
  };
};

export type SavedRepliesService = ReturnType<typeof createSavedRepliesService>;
