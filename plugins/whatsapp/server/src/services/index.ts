import { createSettingsService } from './settings';
import { createPhoneService } from './phone';
import { createCandidateService } from './candidate';
import { createConversationService } from './conversation';
import { createMessageService } from './message';
import { createTemplateService } from './template';
import { createCampaignService } from './campaign';
import { createTwilioService } from './twilio';
import { createOutboundService } from './outbound';
import { createDeliveryService } from './delivery';
import { createQueueService } from '../jobs/queue';
import { createTemplateSyncService } from './template-sync';
import { createTemplateSubmitService } from './template-submit';
import { createTemplatePreviewService } from './template-preview';
import { createTemplateApprovalService } from './template-approval';
import { createTemplateAdminService } from './template-admin';
import { createInboxService } from './inbox';
import { createMessageStatusService } from './message-status';
import { createRealtimeService } from './realtime';
import { createStatusSyncService } from './status-sync';
import { createCampaignLaunchService } from './campaign-launch';
import { createCampaignActionsService } from './campaign-actions';
import { createCampaignDispatchService } from './campaign-dispatch';
import { createCampaignStatsService } from './campaign-stats';
import { createRateLimiterService } from './rate-limiter';
import { createCampaignSenderService } from './campaign-sender';
import { createRealtimeStreamService } from './realtime-stream';
import { createDatabaseFaultsService } from './database-faults';
import { createAdminCampaignsService } from './admin-campaigns';
import { createInboxReadsService } from './inbox-reads';
import { createAudiencesService } from '../audiences';
import { createCandidatesAdminService } from '../candidates-admin';
import { createCampaignEditorService } from '../campaign-editor';

export default {
  settings: createSettingsService,
  phone: createPhoneService,
  candidate: createCandidateService,
  conversation: createConversationService,
  message: createMessageService,
  template: createTemplateService,
  campaign: createCampaignService,
  twilio: createTwilioService,
  outbound: createOutboundService,
  delivery: createDeliveryService,
  queue: createQueueService,
  'template-sync': createTemplateSyncService,
  'template-submit': createTemplateSubmitService,
  'template-preview': createTemplatePreviewService,
  'template-approval': createTemplateApprovalService,
  'template-admin': createTemplateAdminService,
  inbox: createInboxService,
  messageStatus: createMessageStatusService,
  realtime: createRealtimeService,
  'status-sync': createStatusSyncService,
  'campaign-launch': createCampaignLaunchService,
  'campaign-actions': createCampaignActionsService,
  'campaign-dispatch': createCampaignDispatchService,
  'campaign-stats': createCampaignStatsService,
  'rate-limiter': createRateLimiterService,
  'campaign-sender': createCampaignSenderService,
  'realtime-stream': createRealtimeStreamService,
  'database-faults': createDatabaseFaultsService,
  'admin-campaigns': createAdminCampaignsService,
  'inbox-reads': createInboxReadsService,
  audiences: createAudiencesService,
  'candidates-admin': createCandidatesAdminService,
  'campaign-editor': createCampaignEditorService,
};
