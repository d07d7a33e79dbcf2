import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { crud, route } from '../utils/content-api-route';
import { adminMessagesController } from './admin-messages-controller';
import { createCampaignSenderService } from './batch-sender';
import { createMessageService } from './core-service';
import { createDeliveryService } from './delivery';
import { messageController } from './message-controller';
import { createOutboundService } from './outbound';
import { createRateLimiterService } from './rate-limiter';

/** The facade: the send rules (outbound), the outbox for one message and for a batch, the senders' pace. */
export const createSendingService = facadeOf({
  outbound: createOutboundService,
  delivery: createDeliveryService,
  batch: createCampaignSenderService,
  rateLimiter: createRateLimiterService,
});
export type SendingService = ReturnType<typeof createSendingService>;

/** Sending: a message passes the send rules, is stored pending, then handed to Twilio once. */
export const sendingFeature = {
  services: { sending: createSendingService, message: createMessageService },
  controllers: { message: messageController, 'admin-messages': adminMessagesController },
  adminRoutes: [
    // The inbox composer.
    adminRoute('POST', '/messages', 'admin-messages.send', 'messagesSend'),
    adminRoute('POST', '/messages/:id/retry', 'admin-messages.retry', 'messagesSend'),
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
