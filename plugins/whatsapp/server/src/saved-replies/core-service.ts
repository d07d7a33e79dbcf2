import { factories } from '@strapi/strapi';
import { UID } from '../constants';

export const createSavedReplyCoreService = factories.createCoreService(UID.savedReply as never);
