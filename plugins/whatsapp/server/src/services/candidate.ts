import { factories } from '@strapi/strapi';
import { UID } from '../constants';
import type { CandidateInput } from '../validation/candidate';
import { getService } from '../utils/get-service';

export const createCandidateService = factories.createCoreService(UID.candidate, ({ strapi }) => ({
  /** Phone to E.164, and opt-in timestamps that follow the opt-in state. */
  async prepareInput(data: Partial<CandidateInput>): Promise<Partial<CandidateInput>> {
    const prepared: Partial<CandidateInput> = { ...data };
    if (data.phone !== undefined) {
      prepared.phone = await getService(strapi, 'phone').normalizeOrThrow(data.phone);
    }
    const now = new Date().toISOString();
    if (data.optIn === 'opted_in' && data.optInAt === undefined) prepared.optInAt = now;
    if (data.optIn === 'opted_out' && data.optOutAt === undefined) prepared.optOutAt = now;
    return prepared;
  },
}));

export type CandidateService = { prepareInput(data: Partial<CandidateInput>): Promise<Partial<CandidateInput>> };
