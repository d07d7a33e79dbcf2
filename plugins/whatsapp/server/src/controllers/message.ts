import { factories } from '@strapi/strapi';
import { UID } from '../constants';

export const messageController = factories.createCoreController(UID.message);
