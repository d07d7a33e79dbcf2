import { adminRoute, adminRouteAnyOf } from '../utils/admin-route';
import { crud } from '../utils/content-api-route';
import { savedRepliesAdminController } from './admin-controller';
import { savedReplyController } from './controller';
import { createSavedReplyCoreService } from './core-service';
import { createSavedRepliesService, type SavedRepliesService } from './service';

/** Saved replies: texts staff insert in the composer with `/shortcut`, filled from the candidate. */
export const savedRepliesFeature = {
  services: { 'saved-replies': createSavedRepliesService, 'saved-reply': createSavedReplyCoreService },
  controllers: { 'saved-reply': savedReplyController, 'saved-replies-admin': savedRepliesAdminController },
  adminRoutes: [
    // The composer reads them; the page manages them.
    adminRouteAnyOf('GET', '/saved-replies', 'saved-replies-admin.find', 'messagesRead', 'messagesSend', 'savedRepliesManage'),
    adminRoute('POST', '/saved-replies', 'saved-replies-admin.create', 'savedRepliesManage'),
    adminRoute('PUT', '/saved-replies/:id', 'saved-replies-admin.update', 'savedRepliesManage'),
    adminRoute('DELETE', '/saved-replies/:id', 'saved-replies-admin.delete', 'savedRepliesManage'),
  ],
  contentApiRoutes: [...crud('saved-reply', 'saved-replies', ['find', 'findOne', 'create', 'update', 'delete'])],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'saved-replies': SavedRepliesService;
  }
}
