import type { Core } from '@strapi/strapi';
import { getService } from '../../utils/get-service';
import { recipientsQuerySchema } from '../../campaigns/actions-validation';
import { previewInputSchema } from '../../audiences/validation';
import { documentIdParamsSchema } from '../../validation/common';
import { parseInput } from '../../validation/parse';
import { withoutNulls, type IdArgs } from './input';

type RecipientsArgs = IdArgs & { status?: string[] | null; pagination?: Record<string, unknown> | null };

const idOf = (args: IdArgs) => parseInput(documentIdParamsSchema, { id: args.id }).id;

/** `POST /campaigns/:id/launch|pause|resume|cancel|retry-failed`: the campaign, as REST answers. */
export const campaignMutations = (strapi: Core.Strapi) => ({
  /** `POST /campaigns/preview`: the REST body's `data`, the REST answer's `data`. */
  previewWhatsappCampaign: (_parent: unknown, args: { data?: unknown }) =>
    getService(strapi, 'audiences').preview(parseInput(previewInputSchema, withoutNulls(args.data))),
  launchWhatsappCampaign: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaigns').launch.launchNow(idOf(args)),
  pauseWhatsappCampaign: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaigns').actions.pause(idOf(args)),
  resumeWhatsappCampaign: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaigns').actions.resume(idOf(args)),
  cancelWhatsappCampaign: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaigns').actions.cancel(idOf(args)),
  retryFailedWhatsappCampaign: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaigns').actions.retryFailed(idOf(args)),
});

/** `GET /campaigns/:id/recipients` as a connection: REST's `data` are the nodes, its pagination the pageInfo. */
export const campaignQueries = (strapi: Core.Strapi) => ({
  /** `GET /campaigns/:id/timeline`: the REST answer's `data`. */
  whatsappCampaignTimeline: (_parent: unknown, args: IdArgs) => getService(strapi, 'campaign-timeline').timeline.ofCampaign(idOf(args)),
  whatsappCampaignRecipients: async (_parent: unknown, args: RecipientsArgs) => {
    const id = idOf(args);
    const query = parseInput(
      recipientsQuerySchema,
      withoutNulls({ status: args.status, pagination: args.pagination ? withoutNulls(args.pagination) : undefined })
    );
    const page = await getService(strapi, 'campaigns').stats.recipients(id, query);
    return { nodes: page.data, pageInfo: page.meta.pagination };
  },
});
