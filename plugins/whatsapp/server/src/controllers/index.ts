import { candidateController } from '../candidates/controller';
import { conversationController } from '../inbox/conversation-controller';
import { messageController } from '../sending/message-controller';
import { templateController } from '../templates/controller';
import { campaignController } from '../campaigns/controller';
import { settingsController } from '../settings/controller';
import { adminMessagesController } from '../sending/admin-messages-controller';
import { templateActionsController } from '../templates/actions-controller';
import { webhookController } from '../inbound/webhook-controller';
import { statusSyncController } from '../status-sync/controller';
import { campaignActionsController } from '../campaigns/actions-controller';
import { adminInboxController } from '../inbox/admin-controller';
import { adminCampaignsController } from '../campaigns/admin-controller';

export default {
  candidate: candidateController,
  conversation: conversationController,
  message: messageController,
  template: templateController,
  campaign: campaignController,
  settings: settingsController,
  'admin-messages': adminMessagesController,
  'template-actions': templateActionsController,
  webhook: webhookController,
  'status-sync': statusSyncController,
  'campaign-actions': campaignActionsController,
  'admin-inbox': adminInboxController,
  'admin-campaigns': adminCampaignsController,
};
