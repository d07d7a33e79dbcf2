import type { Core } from '@strapi/strapi';
import { can } from '../routes/admin-route';
import { crud, route } from '../routes/content-api-route';
import { createCampaignActionsService } from './actions';
import { campaignActionsController } from './actions-controller';
import { adminCampaignsController } from './admin-controller';
import { createAdminCampaignsService } from './admin-reads';
import { campaignController } from './controller';
import { createCampaignService } from './core-service';
import { createCampaignDispatchService } from './dispatcher';
import { createCampaignLaunchService } from './launch';
import { createCampaignStatsService } from './stats';

/** The facade: launch, the other actions, the dispatcher that sends, counts, and the admin page's reads. */
export const createCampaignsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  launch: createCampaignLaunchService({ strapi }),
  actions: createCampaignActionsService({ strapi }),
  dispatcher: createCampaignDispatchService({ strapi }),
  stats: createCampaignStatsService({ strapi }),
  admin: createAdminCampaignsService({ strapi }),
});
export type CampaignsService = ReturnType<typeof createCampaignsService>;

const ACTIONS = ['launch', 'pause', 'resume', 'cancel'] as const;

/** Campaigns: a template to an audience, launched in one statement and sent by one dispatcher per sender. */
export const campaignsFeature = {
  services: { campaigns: createCampaignsService, campaign: createCampaignService },
  controllers: { campaign: campaignController, 'campaign-actions': campaignActionsController, 'admin-campaigns': adminCampaignsController },
  adminRoutes: [
    { method: 'GET', path: '/campaigns', handler: 'admin-campaigns.find', config: { policies: can('campaignsRead') } },
    { method: 'GET', path: '/campaigns/:id', handler: 'admin-campaigns.findOne', config: { policies: can('campaignsRead') } },
    ...ACTIONS.map((action) => ({
      method: 'POST',
      path: `/campaigns/:id/${action}`,
      handler: `campaign-actions.${action}`,
      config: { policies: can('campaignsManage') },
    })),
    { method: 'POST', path: '/campaigns/:id/retry-failed', handler: 'campaign-actions.retryFailed', config: { policies: can('campaignsManage') } },
    { method: 'GET', path: '/campaigns/:id/recipients', handler: 'campaign-actions.recipients', config: { policies: can('campaignsRead') } },
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
