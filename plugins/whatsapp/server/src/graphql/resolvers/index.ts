import type { Core } from '@strapi/strapi';
import { campaignMutations, campaignQueries } from './campaign';
import { conversationMutations } from './conversation';
import { messageFields, messageMutations } from './message';
import { statusSyncMutations, statusSyncQueries } from './status-sync';
import { templateMutations } from './template';

export const createResolvers = (strapi: Core.Strapi) => ({
  Query: {
    ...campaignQueries(strapi),
    ...statusSyncQueries(strapi),
  },
  Mutation: {
    ...messageMutations(strapi),
    ...conversationMutations(strapi),
    ...templateMutations(strapi),
    ...campaignMutations(strapi),
    ...statusSyncMutations(strapi),
  },
  WhatsappMessage: messageFields,
});
