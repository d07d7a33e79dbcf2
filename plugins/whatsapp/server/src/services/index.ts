import { createSettingsService } from '../settings/service';
import { createPhoneService } from '../candidates/phone';
import { createCandidateService } from '../candidates/core-service';
import { createConversationService } from '../inbox/conversation-service';
import { createMessageService } from '../sending/core-service';
import { createTemplateService } from '../templates/core-service';
import { createCampaignService } from '../campaigns/core-service';
import { createTwilioService } from '../twilio/service';
import { createOutboundService } from '../sending/outbound';
import { createDeliveryService } from '../sending/delivery';
import { createQueueService } from '../jobs/queue';
import { createTemplateSyncService } from '../templates/sync';
import { createTemplateSubmitService } from '../templates/submit';
import { createTemplatePreviewService } from '../templates/preview';
import { createTemplateApprovalService } from '../templates/approval';
import { createTemplateAdminService } from '../templates/admin-reads';
import { createInboxService } from '../inbound/service';
import { createMessageStatusService } from '../status-sync/message-status';
import { createRealtimeService } from '../inbox/realtime';
import { createStatusSyncService } from '../status-sync/sync';
import { createCampaignLaunchService } from '../campaigns/launch';
import { createCampaignActionsService } from '../campaigns/actions';
import { createCampaignDispatchService } from '../campaigns/dispatcher';
import { createCampaignStatsService } from '../campaigns/stats';
import { createRateLimiterService } from '../sending/rate-limiter';
import { createCampaignSenderService } from '../sending/batch-sender';
import { createRealtimeStreamService } from '../inbox/realtime-stream';
import { createDatabaseFaultsService } from '../database/faults';
import { createAdminCampaignsService } from '../campaigns/admin-reads';
import { createInboxReadsService } from '../inbox/reads';

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
};
