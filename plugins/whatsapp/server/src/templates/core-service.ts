import { factories } from '@strapi/strapi';
import { UID } from '../constants';

export const createTemplateService = factories.createCoreService(UID.template);
