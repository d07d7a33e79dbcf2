import type { Core } from '@strapi/strapi';
import { can } from '../routes/admin-route';
import { crud, route } from '../routes/content-api-route';
import { adminMessagesController } from './admin-messages-controller';
import { createCampaignSenderService } from './batch-sender';
import { createMessageService } from './core-service';
import { createDeliveryService } from './delivery';
import { messageController } from './message-controller';
import { createOutboundService } from './outbound';
import { createRateLimiterService } from './rate-limiter';

/** The facade: the send rules (outbound), the outbox for one message and for a batch, the senders' pace. */
export const createSendingService = ({ strapi }: { strapi: Core.Strapi }) => ({
  outbound: createOutboundService({ strapi }),
  delivery: createDeliveryService({ strapi }),
  batch: createCampaignSenderService({ strapi }),
  rateLimiter: createRateLimiterService({ strapi }),
});
export type SendingService = ReturnType<typeof createSendingService>;

/** Sending: a message passes the send rules, is stored pending, then handed to Twilio once. */
export const sendingFeature = {
  services: { sending: createSendingService, message: createMessageService },
  controllers: { message: messageController, 'admin-messages': adminMessagesController },
  adminRoutes: [
    // The inbox composer.
    { method: 'POST', path: '/messages', handler: 'admin-messages.send', config: { policies: can('messagesSend') } },
    { method: 'POST', path: '/messages/:id/retry', handler: 'admin-messages.retry', config: { policies: can('messagesSend') } },
  ],
  contentApiRoutes: [
    ...crud('message', 'messages', ['find', 'findOne']),
    route('POST', '/messages', 'message.send'),
    route('POST', '/messages/:id/retry', 'message.retry'),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    sending: SendingService;
  }
}
