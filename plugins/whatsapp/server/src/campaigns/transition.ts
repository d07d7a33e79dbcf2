import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { UID } from '../constants';
import { checkTransition, type CampaignAction } from '../../../shared/campaign-state';
import { createCampaignRecordRepository, type LockedCampaign } from './record-sql';
import { conflictError } from '../utils/http-error';
import { getService } from '../utils/get-service';

/**
 * The first step of every campaign action: the campaign, locked for the action's transaction;
 * 404 when there is none, 409 when the action does not apply in its state.
 */
export const lockForAction = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  documentId: string,
  action: CampaignAction
): Promise<LockedCampaign & { next: LockedCampaign['state'] }> => {
  const campaign = await createCampaignRecordRepository(strapi).lock(trx, documentId);
  if (!campaign) throw new errors.NotFoundError('Campaign not found');
  const verdict = checkTransition(action, campaign.state);
  if (!verdict.ok) {
    throw conflictError(verdict.message, { code: 'INVALID_STATE_TRANSITION', action, state: campaign.state, allowedFrom: verdict.allowedFrom });
  }
  return { ...campaign, next: verdict.to };
};

/** The campaign as the API shows it (through the Document Service, so with live stats, counted afresh). */
export const readCampaign = async (strapi: Core.Strapi, documentId: string) => {
  const id = await createCampaignRecordRepository(strapi).findIdByDocumentId(documentId);
  if (id !== null) getService(strapi, 'campaigns').stats.forget(id);
  const campaign = await strapi.documents(UID.campaign).findOne({ documentId });
  if (!campaign) throw new errors.NotFoundError('Campaign not found');
  return campaign;
};
