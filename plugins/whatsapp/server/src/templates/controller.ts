import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { parseBodyData } from '../validation/parse';
import { templateCreateSchema, templateUpdateSchema } from './validation';

export const templateController = factories.createCoreController(UID.template, () => ({
  async create(ctx) {
    const data = parseBodyData(templateCreateSchema, ctx.request.body);
    // A template starts as a local draft; its approval state only ever comes from Twilio.
    ctx.request.body = { data: { ...data, approvalStatus: 'draft' } };
    return super.create(ctx);
  },

  async update(ctx) {
    const data = parseBodyData(templateUpdateSchema, ctx.request.body);
    ctx.request.body = { data };
    return super.update(ctx);
  },
}));
