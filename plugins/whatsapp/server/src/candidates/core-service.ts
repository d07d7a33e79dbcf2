import { factories } from '@strapi/strapi';
import { UID } from '../constants';

// Candidate rules (E.164 phones, opt-in timestamps) live in document-middlewares/ so that
// REST, GraphQL and the Content Manager all get them.
export const createCandidateService = factories.createCoreService(UID.candidate);
