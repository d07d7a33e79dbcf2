import type { Core } from '@strapi/strapi';
import { UID } from './constants';

type ShadowCrud = { disable(): unknown; disableMutations(): unknown };
type GraphqlExtension = { shadowCRUD(uid: string): ShadowCrud };

/**
 * GraphQL offers the same types as REST: conversations and messages are written by the
 * plugin (webhooks, sends), so their generated create/update/delete mutations are off,
 * and the internal status-event log is not exposed at all.
 */
export const configureGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as unknown as GraphqlExtension;
  extension.shadowCRUD(UID.statusEvent).disable();
  extension.shadowCRUD(UID.conversation).disableMutations();
  extension.shadowCRUD(UID.message).disableMutations();
};
