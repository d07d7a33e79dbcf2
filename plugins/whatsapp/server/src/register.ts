import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-middlewares';
import { configureGraphql } from './graphql';

export const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi);
  configureGraphql(strapi);
};
