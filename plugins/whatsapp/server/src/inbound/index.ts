import { createInboxService } from './service';
import { webhookRoutes } from './routes';
import { webhookController } from './webhook-controller';

/** Inbound: Twilio's signed webhooks (incoming messages and status callbacks) stored at once. */
export const inboundFeature = {
  services: { inbound: createInboxService },
  controllers: { webhook: webhookController },
  adminRoutes: [],
  contentApiRoutes: webhookRoutes,
};

declare module '../utils/get-service' {
  interface PluginServices {
    inbound: ReturnType<typeof createInboxService>;
  }
}
