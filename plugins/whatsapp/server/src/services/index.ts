import { createSettingsService } from './settings';
import { createPhoneService } from './phone';
import { createCandidateService } from './candidate';
import { createConversationService } from './conversation';
import { createMessageService } from './message';
import { createTemplateService } from './template';
import { createCampaignService } from './campaign';

export default {
  settings: createSettingsService,
  phone: createPhoneService,
  candidate: createCandidateService,
  conversation: createConversationService,
  message: createMessageService,
  template: createTemplateService,
  campaign: createCampaignService,
};
