import type { Core } from '@strapi/strapi';
import { can } from '../routes/admin-route';
import { crud, route } from '../routes/content-api-route';
import { adminInboxController } from './admin-controller';
import { conversationController } from './conversation-controller';
import { createConversationService, type ConversationService } from './conversation-service';
import { createInboxReadsService } from './reads';
import { createRealtimeStreamService } from './realtime-stream';

/** The facade: the inbox's keyset reads and its live stream. */
export const createInboxFacade = ({ strapi }: { strapi: Core.Strapi }) => ({
  reads: createInboxReadsService({ strapi }),
  stream: createRealtimeStreamService({ strapi }),
});
export type InboxFacade = ReturnType<typeof createInboxFacade>;

/** Inbox: conversations and threads read for staff and other apps, updated live over server-sent events. */
export const inboxFeature = {
  services: { inbox: createInboxFacade, conversation: createConversationService },
  controllers: { conversation: conversationController, 'admin-inbox': adminInboxController },
  adminRoutes: [
    { method: 'GET', path: '/inbox/conversations', handler: 'admin-inbox.conversations', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/inbox/conversations/:id/messages', handler: 'admin-inbox.messages', config: { policies: can('messagesRead') } },
    { method: 'POST', path: '/inbox/conversations/:id/read', handler: 'admin-inbox.markRead', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/inbox/stream', handler: 'admin-inbox.stream', config: { policies: can('messagesRead') } },
  ],
  // `latest` before the generic /conversations/:id route.
  contentApiRoutes: [
    route('GET', '/conversations/latest', 'conversation.latest'),
    ...crud('conversation', 'conversations', ['find', 'findOne']),
    route('POST', '/conversations/:id/read', 'conversation.markRead'),
    route('GET', '/conversations/:id/messages', 'conversation.messages'),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    inbox: InboxFacade;
    conversation: ConversationService;
  }
}
