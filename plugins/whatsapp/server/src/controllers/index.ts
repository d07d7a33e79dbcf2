import { candidateController } from './candidate';
import { conversationController } from './conversation';
import { messageController } from './message';
import { templateController } from './template';
import { campaignController } from './campaign';
import { settingsController } from './settings';

export default {
  candidate: candidateController,
  conversation: conversationController,
  message: messageController,
  template: templateController,
  campaign: campaignController,
  settings: settingsController,
};
