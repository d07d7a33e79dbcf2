import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-middlewares';
import { configureGraphql } from './graphql';
import { bodyParserWarning } from './domain/body-parser-config';

export const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Said once at boot, before any webhook arrives; webhooks still work on the parsed form.
  const bodyWarning = bodyParserWarning(strapi.config.get('middlewares'));
  if (bodyWarning) strapi.log.warn(bodyWarning);
  registerDocumentRules(strapi);
  configureGraphql(strapi);
};
