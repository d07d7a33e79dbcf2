import { candidateController } from './candidate';
import { conversationController } from './conversation';
import { messageController } from './message';
import { templateController } from './template';
import { campaignController } from './campaign';
import { settingsController } from './settings';
import { adminMessagesController } from './admin-messages';
import { templateActionsController } from './template-actions';
import { webhookController } from './webhook';
import { statusSyncController } from './status-sync';
import { campaignActionsController } from './campaign-actions';
import { adminInboxController } from './admin-inbox';
import { adminCampaignsController } from './admin-campaigns';
import { audiencesController } from '../audiences';
import { candidatesAdminController } from '../candidates-admin';
import { campaignEditorController } from '../campaign-editor';

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
  audiences: audiencesController,
  'candidates-admin': candidatesAdminController,
  'campaign-editor': campaignEditorController,
};
