import { facadeOf } from '../utils/facade';
import { adminRoute } from '../utils/admin-route';
import { campaignEditorController, campaignEditorRoutes, createCampaignEditorService } from './editor';
import { crud, route } from '../utils/content-api-route';
import { createCampaignActionsService } from './actions';
import { campaignActionsController } from './actions-controller';
import { adminCampaignsController } from './admin-controller';
import { createAdminCampaignsService } from './admin-reads';
import { campaignController } from './controller';
import { createCampaignService } from './core-service';
import { createCampaignDispatchService } from './dispatcher';
import { createCampaignLaunchService } from './launch';
import { createCampaignStatsService } from './stats';

/** The facade: launch, the other actions, the dispatcher that sends, counts, the admin page's reads and the wizard's edits. */
export const createCampaignsService = facadeOf({
  launch: createCampaignLaunchService,
  actions: createCampaignActionsService,
  dispatcher: createCampaignDispatchService,
  stats: createCampaignStatsService,
  admin: createAdminCampaignsService,
  editor: createCampaignEditorService,
});
export type CampaignsService = ReturnType<typeof createCampaignsService>;

const ACTIONS = ['launch', 'pause', 'resume', 'cancel'] as const;

/** Campaigns: a template to an audience, launched in one statement and sent by one dispatcher per sender. */
export const campaignsFeature = {
  services: { campaigns: createCampaignsService, campaign: createCampaignService },
  controllers: { campaign: campaignController, 'campaign-actions': campaignActionsController, 'admin-campaigns': adminCampaignsController, 'campaign-editor': campaignEditorController },
  // The wizard's routes first: `GET /campaigns/templates` is not a campaign id.
  adminRoutes: [
    ...campaignEditorRoutes,
    adminRoute('GET', '/campaigns', 'admin-campaigns.find', 'campaignsRead'),
    adminRoute('GET', '/campaigns/:id', 'admin-campaigns.findOne', 'campaignsRead'),
    ...ACTIONS.map((action) => adminRoute('POST', `/campaigns/:id/${action}`, `campaign-actions.${action}`, 'campaignsManage')),
    adminRoute('POST', '/campaigns/:id/retry-failed', 'campaign-actions.retryFailed', 'campaignsManage'),
    adminRoute('GET', '/campaigns/:id/recipients', 'campaign-actions.recipients', 'campaignsRead'),
  ],
  // Actions and recipients before the generic /campaigns/:id routes.
  contentApiRoutes: [
    ...ACTIONS.map((action) => route('POST', `/campaigns/:id/${action}`, `campaign-actions.${action}`)),
    route('POST', '/campaigns/:id/retry-failed', 'campaign-actions.retryFailed'),
    route('GET', '/campaigns/:id/recipients', 'campaign-actions.recipients'),
    ...crud('campaign', 'campaigns', ['find', 'findOne', 'create', 'update', 'delete']),
  ],
};

declare module '../utils/get-service' {
  interface PluginServices {
    campaigns: CampaignsService;
  }
}
