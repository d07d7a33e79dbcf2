import { adminRoute } from '../utils/admin-route';
import { route } from '../utils/content-api-route';
import { facadeOf } from '../utils/facade';
import { campaignTimelineController } from './controller';
import { createTimelineService } from './service';

/** The facade: a campaign's messages over time. */
export const createCampaignTimelineService = facadeOf({ timeline: createTimelineService });
export type CampaignTimelineService = ReturnType<typeof createCampaignTimelineService>;

/** A campaign's timeline (sent, delivered, read, failed, replies per minute, hour or day) for its page's chart. */
export const campaignTimelineFeature = {
  services: { 'campaign-timeline': createCampaignTimelineService },
  controllers: { 'campaign-timeline': campaignTimelineController },
  adminRoutes: [adminRoute('GET', '/campaigns/:id/timeline', 'campaign-timeline.find', 'campaignsRead')],
  contentApiRoutes: [route('GET', '/campaigns/:id/timeline', 'campaign-timeline.find')],
};

declare module '../utils/get-service' {
  interface PluginServices {
    'campaign-timeline': CampaignTimelineService;
  }
}
