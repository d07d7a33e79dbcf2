import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../constants';

export const createConversationService = factories.createCoreService(UID.conversation, ({ strapi }) => ({
  /** Staff opened the thread: nothing is unread any more. */
  async markRead(documentId: string) {
    const existing = await strapi.documents(UID.conversation).findOne({ documentId, fields: ['id'] });
    if (!existing) throw new errors.NotFoundError('Conversation not found');
    // `as never`: plugin content types are not in the host app's generated type registry.
    return strapi.documents(UID.conversation).update({ documentId, data: { unreadCount: 0 } as never });
  },
}));

export type ConversationService = { markRead(documentId: string): Promise<unknown> };
