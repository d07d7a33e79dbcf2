import type { Core } from '@strapi/strapi';
import { can } from '../routes/admin-route';
import { route } from '../routes/content-api-route';
import { statusSyncController } from './controller';
import { createMessageStatusService } from './message-status';
import { createStatusSyncService } from './sync';

/** The facade: a message's status from every source (callbacks, send answers, the sync) and the sync runs. */
export const createStatusSyncFacade = ({ strapi }: { strapi: Core.Strapi }) => ({
  statuses: createMessageStatusService({ strapi }),
  sync: createStatusSyncService({ strapi }),
});
export type StatusSyncFacade = ReturnType<typeof createStatusSyncFacade>;

/** Status: callbacks recorded in arrival waves, and the sync that asks Twilio when they may be missing. */
export const statusSyncFeature = {
  services: { 'status-sync': createStatusSyncFacade },
  controllers: { 'status-sync': statusSyncController },
  // Asking Twilio is `syncRun`; what it found is message data (`messagesRead`).
  adminRoutes: [
    { method: 'POST', path: '/sync-status', handler: 'status-sync.start', config: { policies: can('syncRun') } },
    { method: 'GET', path: '/sync-status', handler: 'status-sync.find', config: { policies: can('messagesRead') } },
    { method: 'GET', path: '/sync-status/:id', handler: 'status-sync.findOne', config: { policies: can('messagesRead') } },
  ],
  contentApiRoutes: [
    route('POST', '/sync-status', 'status-sync.start'),
    route('GET', '/sync-status', 'status-sync.find'),
    route('GET', '/sync-status/:id', 'status-sync.findOne'),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'status-sync': StatusSyncFacade;
  }
}
