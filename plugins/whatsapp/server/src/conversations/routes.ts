import { adminRoute } from '../utils/admin-route';

/** Admin routes: the inbox's replies, new conversations and, in emulator mode, the emulator's phone. */
export const conversationsAdminRoutes = [
  adminRoute('GET', '/inbox/conversations/:id/reply-plan', 'conversations.replyPlan', 'messagesRead'),
  adminRoute('POST', '/inbox/conversations/:id/messages', 'conversations.reply', 'messagesSend'),
  adminRoute('POST', '/inbox/conversations', 'conversations.start', 'messagesSend'),
  adminRoute('GET', '/inbox/candidates', 'conversations.candidates', 'messagesRead'),
  adminRoute('GET', '/inbox/candidates/:id', 'conversations.candidate', 'messagesRead'),
  adminRoute('GET', '/inbox/templates', 'conversations.templates', 'messagesRead'),
  adminRoute('GET', '/inbox/emulator', 'conversations.emulator', 'messagesRead'),
  adminRoute('POST', '/inbox/emulator/inbound', 'conversations.simulateInbound', 'messagesSend'),
  adminRoute('POST', '/inbox/conversations/:id/close-window', 'conversations.closeWindow', 'messagesSend'),
];
