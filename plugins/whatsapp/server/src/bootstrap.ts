import type { Core } from '@strapi/strapi';
import { ACTION_LABELS, PLUGIN_ACTIONS, type PluginActionKey } from '../../shared/permissions';
import { PLUGIN_ID } from './constants';

const registerAdminActions = async (strapi: Core.Strapi) => {
  const actions = (Object.keys(PLUGIN_ACTIONS) as PluginActionKey[]).map((key) => ({
    section: 'plugins',
    displayName: ACTION_LABELS[key].displayName,
    subCategory: ACTION_LABELS[key].subCategory,
    uid: PLUGIN_ACTIONS[key],
    pluginName: PLUGIN_ID,
  }));
  await strapi.service('admin::permission').actionProvider.registerMany(actions);
};

export const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerAdminActions(strapi);
  const settings = await strapi.plugin(PLUGIN_ID).service('settings').getResolved();
  strapi.log.info(`[whatsapp] ready: Twilio mode "${settings.mode}"`);
};
