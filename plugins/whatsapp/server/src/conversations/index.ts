export { createConversationsService, type ConversationsService } from './service';
export { conversationsController } from './controller';
export { conversationsAdminRoutes } from './routes';
export { planReply, isOurSender, currentSenderOf } from './sender-rule';
