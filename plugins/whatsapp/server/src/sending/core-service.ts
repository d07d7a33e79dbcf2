import { factories } from '@strapi/strapi';
import { UID } from '../constants';

export const createMessageService = factories.createCoreService(UID.message);
