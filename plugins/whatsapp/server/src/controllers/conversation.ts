import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';

export const conversationController = factories.createCoreController(UID.conversation, ({ strapi }) => ({
  async markRead(ctx) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    const conversation = await getService(strapi, 'conversation').markRead(id);
    const schema = strapi.getModel(UID.conversation);
    const data = await strapi.contentAPI.sanitize.output(conversation, schema, { auth: ctx.state.auth });
    return { data, meta: {} };
  },
}));
