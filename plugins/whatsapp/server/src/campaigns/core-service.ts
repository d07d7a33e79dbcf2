import { factories } from '@strapi/strapi';
import { UID } from '../constants';

export const createCampaignService = factories.createCoreService(UID.campaign);
