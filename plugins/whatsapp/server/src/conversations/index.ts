import { conversationsController } from './controller';
import { conversationsAdminRoutes } from './routes';
import { createConversationsService, type ConversationsService } from './service';

export { planReply, isOurSender, currentSenderOf } from './sender-rule';
export type { ConversationsService };

/** Conversations from the inbox's side: which sender replies, new conversations, the emulator's phone. */
export const conversationsFeature = {
  services: { conversations: createConversationsService },
  controllers: { conversations: conversationsController },
  adminRoutes: conversationsAdminRoutes,
  contentApiRoutes: [],
};

declare module '../utils/get-service' {
  interface PluginServices {
    conversations: ConversationsService;
  }
}
