import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { resolversConfig } from './operations';
import { createResolvers } from './resolvers';
import { typeDefs } from './type-defs';

type ShadowCrud = { disable(): unknown; disableMutations(): unknown };
type ExtensionConfig = { typeDefs: string; resolvers: Record<string, unknown>; resolversConfig: Record<string, unknown> };
type GraphqlExtension = {
  shadowCRUD(uid: string): ShadowCrud;
  use(configuration: (context: { strapi: Core.Strapi }) => ExtensionConfig): unknown;
};

/**
 * GraphQL offers the same types and actions as REST: conversations and messages are written by
 * the plugin (webhooks, sends), so their generated create/update/delete mutations are off; the
 * internal status-event log and sync-run records are not exposed as types (runs are read through
 * `whatsappStatusSync`, as REST reads them through /sync-status); the REST actions are
 * operations of their own, under the permissions of their routes.
 */
export const configureGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension') as unknown as GraphqlExtension;
  extension.shadowCRUD(UID.statusEvent).disable();
  extension.shadowCRUD(UID.syncRun).disable();
  extension.shadowCRUD(UID.conversation).disableMutations();
  extension.shadowCRUD(UID.message).disableMutations();
  extension.use(() => ({ typeDefs, resolvers: createResolvers(strapi), resolversConfig }));
};
