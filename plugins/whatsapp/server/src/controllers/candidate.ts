import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { rethrowUniqueViolation } from '../utils/db-errors';
import { parseBodyData } from '../validation/parse';
import { candidateCreateSchema, candidateUpdateSchema } from '../validation/candidate';

const UNIQUE_FIELDS = { plugin_whatsapp_candidates_phone_unique: 'phone' };

export const candidateController = factories.createCoreController(UID.candidate, ({ strapi }) => ({
  async create(ctx) {
    const data = parseBodyData(candidateCreateSchema, ctx.request.body);
    ctx.request.body = { data: await getService(strapi, 'candidate').prepareInput(data) };
    return super.create(ctx).catch((error: unknown) => rethrowUniqueViolation(error, UNIQUE_FIELDS));
  },

  async update(ctx) {
    const data = parseBodyData(candidateUpdateSchema, ctx.request.body);
    ctx.request.body = { data: await getService(strapi, 'candidate').prepareInput(data) };
    return super.update(ctx).catch((error: unknown) => rethrowUniqueViolation(error, UNIQUE_FIELDS));
  },
}));
