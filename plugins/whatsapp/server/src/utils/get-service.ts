import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { SettingsService } from '../services/settings';
import type { PhoneService } from '../services/phone';
import type { ConversationService } from '../services/conversation';
import type { TwilioService } from '../services/twilio';
import type { OutboundService } from '../services/outbound';
import type { DeliveryService } from '../services/delivery';
import type { QueueService } from '../jobs/queue';
import type { TemplateSyncService } from '../services/template-sync';
import type { TemplateSubmitService } from '../services/template-submit';
import type { TemplatePreviewService } from '../services/template-preview';
import type { TemplateApprovalService } from '../services/template-approval';
import type { TemplateAdminService } from '../services/template-admin';
import type { InboxService } from '../services/inbox';
import type { MessageStatusService } from '../services/message-status';
import type { RealtimeService } from '../services/realtime';
import type { StatusSyncService } from '../services/status-sync';
import type { CampaignLaunchService } from '../services/campaign-launch';
import type { CampaignActionsService } from '../services/campaign-actions';
import type { CampaignDispatchService } from '../services/campaign-dispatch';
import type { CampaignStatsService } from '../services/campaign-stats';
import type { RateLimiterService } from '../services/rate-limiter';
import type { CampaignSenderService } from '../services/campaign-sender';
import type { RealtimeStreamService } from '../services/realtime-stream';
import type { AdminCampaignsService } from '../services/admin-campaigns';
import type { InboxReadsService } from '../services/inbox-reads';

type Services = {
  settings: SettingsService;
  phone: PhoneService;
  conversation: ConversationService;
  twilio: TwilioService;
  outbound: OutboundService;
  delivery: DeliveryService;
  queue: QueueService;
  'template-sync': TemplateSyncService;
  'template-submit': TemplateSubmitService;
  'template-preview': TemplatePreviewService;
  'template-approval': TemplateApprovalService;
  'template-admin': TemplateAdminService;
  inbox: InboxService;
  messageStatus: MessageStatusService;
  realtime: RealtimeService;
  'status-sync': StatusSyncService;
  'campaign-launch': CampaignLaunchService;
  'campaign-actions': CampaignActionsService;
  'campaign-dispatch': CampaignDispatchService;
  'campaign-stats': CampaignStatsService;
  'rate-limiter': RateLimiterService;
  'campaign-sender': CampaignSenderService;
  'realtime-stream': RealtimeStreamService;
  'admin-campaigns': AdminCampaignsService;
  'inbox-reads': InboxReadsService;
};

/** Typed access to the plugin's own services; resolved lazily so factories never cycle. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as unknown as Services[K];
