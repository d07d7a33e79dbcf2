import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { campaignProgress, type AdminCampaignView } from '../../../shared/campaigns';
import { PLUGIN_ID } from '../constants';
import { emptyStats } from '../domain/campaign-recipient';
import { type CampaignStats } from '../../../shared/campaigns';
import type { AdminCampaignListQuery } from './admin-validation';
import { isoOrNull } from '../database/sql-row';

type Row = Record<string, unknown>;

/** The core campaign service (campaigns/core-service.ts), as far as this file uses it. */
type CoreCampaignService = {
  find(params: Row): Promise<{ results: Row[]; pagination: { page: number; pageSize: number; pageCount: number; total: number } }>;
  findOne(documentId: string, params: Row): Promise<Row | null>;
};

// `stats` and `updatedAt` must be read: the campaign document middleware replaces the stored
// stats with live counts, keyed on updatedAt (document-middlewares/campaign-rules.ts).
const FIELDS = ['name', 'state', 'stateReason', 'scheduledAt', 'startedAt', 'completedAt', 'stats', 'createdAt', 'updatedAt'];
const POPULATE = { template: { fields: ['name', 'approvalStatus'] } };


/** What the admin pages show of a campaign; explicit, so nothing else leaves. */
const toView = (row: Row): AdminCampaignView => {
  // Never launched: nothing stored, nothing counted.
  const stats = (row.stats as CampaignStats | null) ?? emptyStats();
  const template = (row.template ?? null) as Row | null;
  return {
    documentId: String(row.documentId),
    name: String(row.name),
    state: row.state as AdminCampaignView['state'],
    stateReason: (row.stateReason as string | null) ?? null,
    scheduledAt: isoOrNull(row.scheduledAt),
    startedAt: isoOrNull(row.startedAt),
    completedAt: isoOrNull(row.completedAt),
    createdAt: isoOrNull(row.createdAt) as string,
    updatedAt: isoOrNull(row.updatedAt) as string,
    template: template
      ? { documentId: String(template.documentId), name: String(template.name), approvalStatus: String(template.approvalStatus) }
      : null,
    stats,
    progress: campaignProgress(stats),
  };
};

/** The admin Campaigns page: campaigns with their live stats, through the core campaign service. */
export const createAdminCampaignsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const campaigns = () => strapi.plugin(PLUGIN_ID).service('campaign') as unknown as CoreCampaignService;

  return {
    async list(query: AdminCampaignListQuery) {
      const { results, pagination } = await campaigns().find({
        fields: FIELDS,
        populate: POPULATE,
        filters: query.state ? { state: query.state } : {},
        sort: [{ createdAt: 'desc' }, { id: 'desc' }],
        pagination: { page: query.page, pageSize: query.pageSize },
      });
      return { data: results.map(toView), meta: { pagination } };
    },

    async findOne(documentId: string) {
      const row = await campaigns().findOne(documentId, { fields: FIELDS, populate: POPULATE });
      if (!row) throw new errors.NotFoundError('Campaign not found');
      return { data: toView(row), meta: {} };
    },
  };
};

export type AdminCampaignsService = ReturnType<typeof createAdminCampaignsService>;
