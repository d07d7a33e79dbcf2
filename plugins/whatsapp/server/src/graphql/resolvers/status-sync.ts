import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { documentIdParamsSchema } from '../../validation/common';
import { parseInput } from '../../validation/parse';
import { syncRequestSchema, toSyncScope } from '../../status-sync/validation';
import { withoutNulls, type IdArgs } from './input';

/** `POST /sync-status`: the run queued, or the run of the same scope already under way. */
export const statusSyncMutations = (strapi: Core.Strapi) => ({
  requestWhatsappStatusSync: async (_parent: unknown, args: { messages?: string[] | null; campaign?: string | null }) => {
    const input = parseInput(syncRequestSchema, withoutNulls(args));
    const { run, alreadyRunning } = await getService(strapi, 'status-sync').sync.request(toSyncScope(input));
    return { runId: run.id, alreadyRunning, state: run.state, scope: run.scope, trigger: run.trigger, requestedAt: run.requestedAt };
  },
});

/** `GET /sync-status` and `GET /sync-status/:id`. */
export const statusSyncQueries = (strapi: Core.Strapi) => ({
  whatsappStatusSync: () => getService(strapi, 'status-sync').sync.overview(),
  whatsappStatusSyncRun: (_parent: unknown, args: IdArgs) =>
    getService(strapi, 'status-sync').sync.findRun(parseInput(documentIdParamsSchema, { id: args.id }).id),
});
