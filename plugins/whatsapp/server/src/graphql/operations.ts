import { PLUGIN_ID } from '../constants';

/**
 * Every custom GraphQL operation and the REST route handler (routes/content-api) whose
 * permission it takes: a token or role allowed one is allowed the other.
 */
export const OPERATION_HANDLERS = {
  'Mutation.sendWhatsappMessage': 'message.send',
  'Mutation.retryWhatsappMessage': 'message.retry',
  'Mutation.markWhatsappConversationRead': 'conversation.markRead',
  'Mutation.syncWhatsappTemplates': 'template-actions.sync',
  'Mutation.submitWhatsappTemplate': 'template-actions.submit',
  'Mutation.previewWhatsappTemplate': 'template-actions.preview',
  'Mutation.previewWhatsappCampaign': 'audiences.preview',
  'Mutation.launchWhatsappCampaign': 'campaign-actions.launch',
  'Mutation.pauseWhatsappCampaign': 'campaign-actions.pause',
  'Mutation.resumeWhatsappCampaign': 'campaign-actions.resume',
  'Mutation.cancelWhatsappCampaign': 'campaign-actions.cancel',
  'Mutation.retryFailedWhatsappCampaign': 'campaign-actions.retryFailed',
  'Mutation.requestWhatsappStatusSync': 'status-sync.start',
  'Query.whatsappCampaignRecipients': 'campaign-actions.recipients',
  'Query.whatsappCampaignTimeline': 'campaign-timeline.find',
  'Query.whatsappStatusSync': 'status-sync.find',
  'Query.whatsappStatusSyncRun': 'status-sync.findOne',
} as const;

export type OperationPath = keyof typeof OPERATION_HANDLERS;

/** The content-API permission of a route handler `controller.action`, as Strapi derives it. */
export const permissionOf = (handler: string) => `plugin::${PLUGIN_ID}.${handler}`;

/** The graphql plugin checks `auth.scope` with the caller's strategy, as the router does for REST. */
export const resolversConfig = Object.fromEntries(
  Object.entries(OPERATION_HANDLERS).map(([path, handler]) => [path, { auth: { scope: [permissionOf(handler)] } }])
);
