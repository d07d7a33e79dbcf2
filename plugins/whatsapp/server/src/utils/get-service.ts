import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { CampaignsService } from '../campaigns';
import type { CandidatesService } from '../candidates';
import type { InboxService } from '../inbound/service';
import type { InboxFacade } from '../inbox';
import type { ConversationService } from '../inbox/conversation-service';
import type { SendingService } from '../sending';
import type { SettingsService } from '../settings/service';
import type { StatusSyncFacade } from '../status-sync';
import type { TemplatesService } from '../templates';
import type { QueueService } from '../jobs/queue';
import type { TwilioService } from '../twilio/service';
import type { DatabaseFaultsService } from '../database/faults';

type Services = {
  settings: SettingsService;
  candidates: CandidatesService;
  conversation: ConversationService;
  inbox: InboxFacade;
  inbound: InboxService;
  sending: SendingService;
  templates: TemplatesService;
  campaigns: CampaignsService;
  'status-sync': StatusSyncFacade;
  twilio: TwilioService;
  queue: QueueService;
  'database-faults': DatabaseFaultsService;
};

/** Typed access to the plugin's feature facades; resolved lazily so factories never cycle. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as unknown as Services[K];
