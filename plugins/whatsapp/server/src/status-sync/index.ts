import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { route } from '../utils/content-api-route';
import { statusSyncController } from './controller';
import { createMessageStatusService } from './message-status';
import { createStatusSyncService } from './sync';

/** The facade: a message's status from every source (callbacks, send answers, the sync) and the sync runs. */
export const createStatusSyncFacade = facadeOf({
  statuses: createMessageStatusService,
  sync: createStatusSyncService,
});
export type StatusSyncFacade = ReturnType<typeof createStatusSyncFacade>;

/** Status: callbacks recorded in arrival waves, and the sync that asks Twilio when they may be missing. */
export const statusSyncFeature = {
  services: { 'status-sync': createStatusSyncFacade },
  controllers: { 'status-sync': statusSyncController },
  // Asking Twilio is `syncRun`; what it found is message data (`messagesRead`).
  adminRoutes: [
    adminRoute('POST', '/sync-status', 'status-sync.start', 'syncRun'),
    adminRoute('GET', '/sync-status', 'status-sync.find', 'messagesRead'),
    adminRoute('GET', '/sync-status/:id', 'status-sync.findOne', 'messagesRead'),
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
