import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { parseBodyData } from '../validation/parse';
import { campaignCreateSchema, campaignUpdateSchema } from './validation';

export const campaignController = factories.createCoreController(UID.campaign, () => ({
  async create(ctx) {
    const data = parseBodyData(campaignCreateSchema, ctx.request.body);
    // State moves only through the campaign actions (launch, pause, …), never by edit.
    ctx.request.body = { data: { ...data, state: data.scheduledAt ? 'scheduled' : 'draft' } };
    return super.create(ctx);
  },

  async update(ctx) {
    const data = parseBodyData(campaignUpdateSchema, ctx.request.body);
    ctx.request.body = { data };
    return super.update(ctx);
  },
}));
