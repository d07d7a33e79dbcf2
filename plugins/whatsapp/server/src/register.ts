import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-middlewares';
import { configureGraphql } from './graphql';
import { bodyParserWarning } from './domain/body-parser-config';
import { databaseClientProblem } from './domain/database-client';

export const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Stops the boot with the fix, rather than failing later where the queue first connects.
  const databaseProblem = databaseClientProblem(strapi.config.get('database.connection.client'));
  if (databaseProblem) throw new Error(databaseProblem);
  // Said once at boot, before any webhook arrives; webhooks still work on the parsed form.
  const bodyWarning = bodyParserWarning(strapi.config.get('middlewares'));
  if (bodyWarning) strapi.log.warn(bodyWarning);
  registerDocumentRules(strapi);
  configureGraphql(strapi);
};
