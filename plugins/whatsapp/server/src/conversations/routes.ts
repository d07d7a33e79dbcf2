import { can } from '../routes/admin-route';

/** Admin routes: the inbox's replies, new conversations and, in emulator mode, the emulator's phone. */
export const conversationsAdminRoutes = [
  { method: 'GET', path: '/inbox/conversations/:id/reply-plan', handler: 'conversations.replyPlan', config: { policies: can('messagesRead') } },
  { method: 'POST', path: '/inbox/conversations/:id/messages', handler: 'conversations.reply', config: { policies: can('messagesSend') } },
  { method: 'POST', path: '/inbox/conversations', handler: 'conversations.start', config: { policies: can('messagesSend') } },
  { method: 'GET', path: '/inbox/candidates', handler: 'conversations.candidates', config: { policies: can('messagesRead') } },
  { method: 'GET', path: '/inbox/candidates/:id', handler: 'conversations.candidate', config: { policies: can('messagesRead') } },
  { method: 'GET', path: '/inbox/templates', handler: 'conversations.templates', config: { policies: can('messagesRead') } },
  { method: 'GET', path: '/inbox/emulator', handler: 'conversations.emulator', config: { policies: can('messagesRead') } },
  { method: 'POST', path: '/inbox/emulator/inbound', handler: 'conversations.simulateInbound', config: { policies: can('messagesSend') } },
  {
    method: 'POST',
    path: '/inbox/conversations/:id/close-window',
    handler: 'conversations.closeWindow',
    config: { policies: can('messagesSend') },
  },
];
