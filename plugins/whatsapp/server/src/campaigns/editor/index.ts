export { createCampaignEditorService, type CampaignEditorService } from './service';
export { campaignEditorController } from './controller';
export { campaignEditorRoutes } from './routes';
