import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { documentIdParamsSchema } from '../../validation/common';
import { parseInput } from '../../validation/parse';
import type { IdArgs } from './input';

/** `POST /conversations/:id/read`. */
export const conversationMutations = (strapi: Core.Strapi) => ({
  markWhatsappConversationRead: (_parent: unknown, args: IdArgs) =>
    getService(strapi, 'conversation').markRead(parseInput(documentIdParamsSchema, args).id),
});
