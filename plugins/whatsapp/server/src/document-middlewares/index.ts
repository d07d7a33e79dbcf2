import type { Core } from '@strapi/strapi';
import { candidateRules } from '../candidates/document-rules';
import { queryRules } from './query-rules';
import { messageRules } from '../sending/document-rules';
import { templateRules } from '../templates/document-rules';
import { savedReplyRules } from '../saved-replies/document-rules';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Rules that must hold whoever reads or writes: REST, GraphQL, the Content Manager or the plugin itself. */
export const registerDocumentRules = (strapi: Core.Strapi) => {
  strapi.documents.use(queryRules(strapi) as unknown as Middleware);
  strapi.documents.use(candidateRules(strapi) as unknown as Middleware);
  strapi.documents.use(templateRules(strapi) as unknown as Middleware);
  strapi.documents.use(messageRules() as unknown as Middleware);
  strapi.documents.use(savedReplyRules(strapi) as unknown as Middleware);
};
