import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { crud, route } from '../utils/content-api-route';
import { adminInboxController } from './admin-controller';
import { conversationController } from './conversation-controller';
import { createConversationService, type ConversationService } from './conversation-service';
import { createInboxReadsService } from './reads';
import { createRealtimeStreamService } from './realtime-stream';

/** The facade: the inbox's keyset reads and its live stream. */
export const createInboxFacade = facadeOf({
  reads: createInboxReadsService,
  stream: createRealtimeStreamService,
});
export type InboxFacade = ReturnType<typeof createInboxFacade>;

/** Inbox: conversations and threads read for staff and other apps, updated live over server-sent events. */
export const inboxFeature = {
  services: { inbox: createInboxFacade, conversation: createConversationService },
  controllers: { conversation: conversationController, 'admin-inbox': adminInboxController },
  adminRoutes: [
    adminRoute('GET', '/inbox/conversations', 'admin-inbox.conversations', 'messagesRead'),
    adminRoute('GET', '/inbox/conversations/counts', 'admin-inbox.counts', 'messagesRead'),
    adminRoute('GET', '/inbox/conversations/:id/messages', 'admin-inbox.messages', 'messagesRead'),
    adminRoute('POST', '/inbox/conversations/:id/read', 'admin-inbox.markRead', 'messagesRead'),
    adminRoute('GET', '/inbox/stream', 'admin-inbox.stream', 'messagesRead'),
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
