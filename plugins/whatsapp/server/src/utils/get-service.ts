import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { SettingsService } from '../services/settings';
import type { PhoneService } from '../services/phone';
import type { ConversationService } from '../services/conversation';

type Services = {
  settings: SettingsService;
  phone: PhoneService;
  conversation: ConversationService;
};

/** Typed access to the plugin's own services; resolved lazily so factories never cycle. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as unknown as Services[K];
