import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toStats } from '../domain/campaign-recipient';
import { type CampaignStats, type RecipientStatus } from '../../../shared/campaigns';
import { createCampaignRecipientsRepository } from './recipients-sql';
import { createCampaignRecordRepository } from './record-sql';
import { STATS_REUSE_MIN_MS, statsReuseMs } from '../domain/stats-reuse';
import { pageMeta } from '../utils/page-meta';

export type RecipientsQuery = { statuses: RecipientStatus[] | null; page: number; pageSize: number };

/**
 * A campaign's stats and recipients, computed from the recipients and their messages whenever they
 * are read. Status callbacks and replies change the messages only, so the counts are right at
 * every moment without any hook on the status path.
 */
export const createCampaignStatsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const recipients = createCampaignRecipientsRepository(strapi);
  const campaigns = createCampaignRecordRepository(strapi);

  // A campaign page (or a script) polling a 10,000-recipient campaign would have the counts
  // recomputed on every read: each instance reuses them for a moment (longer for a campaign whose
  // counts are costly, domain/stats-reuse.ts), as long as the campaign row itself has not changed
  // (a state change on any instance moves its updatedAt).
  type Timing = { at: number; reuseMs: number };
  const cache = new Map<number, { version: string; timing: Timing; stats: Promise<CampaignStats> }>();

  /** The counts; `timing` learns when they were taken and how long they may be reused. */
  const compute = async (campaignId: number, timing: Timing): Promise<CampaignStats> => {
    const [groups, replied] = await Promise.all([recipients.countByStatus(campaignId), recipients.countReplied(campaignId)]);
    const done = Date.now();
    timing.reuseMs = statsReuseMs(done - timing.at);
    timing.at = done;
    return toStats(groups, replied);
  };

  const statsOf = (campaignId: number, version = ''): Promise<CampaignStats> => {
    const now = Date.now();
    const cached = cache.get(campaignId);
    if (cached && cached.version === version && now - cached.timing.at < cached.timing.reuseMs) return cached.stats;
    const timing: Timing = { at: now, reuseMs: STATS_REUSE_MIN_MS };
    const stats = compute(campaignId, timing);
    cache.set(campaignId, { version, timing, stats });
    stats.catch(() => cache.delete(campaignId));
    if (cache.size > 1_000) cache.delete(cache.keys().next().value!);
    return stats;
  };

  return {
    statsOf,

    /** An action changed the campaign: its next read counts afresh. */
    forget(campaignId: number) {
      cache.delete(campaignId);
    },

    /**
     * Stats of several campaigns by documentId (those never launched count zero everywhere);
     * `version` (the row's updatedAt) keeps counts from before a state change from being reused.
     */
    async statsByDocumentId(campaignsRead: Array<{ documentId: string; version?: string }>): Promise<Map<string, CampaignStats>> {
      const versions = new Map(campaignsRead.map((campaign) => [campaign.documentId, campaign.version ?? '']));
      const ids = await campaigns.findIdsByDocumentIds([...versions.keys()]);
      const entries = await Promise.all(
        [...ids].map(async ([documentId, id]) => [documentId, await statsOf(id, versions.get(documentId))] as const)
      );
      return new Map(entries);
    },

    /** Stores the current counts in the campaign's `stats` column (read by anything bypassing the API). */
    async snapshot(campaignId: number): Promise<CampaignStats> {
      cache.delete(campaignId);
      const stats = await statsOf(campaignId);
      await campaigns.saveStats(campaignId, stats);
      return stats;
    },

    /** `GET /campaigns/:id/recipients`: one page, in launch order, filtered by status. */
    async recipients(documentId: string, query: RecipientsQuery) {
      const id = await campaigns.findIdByDocumentId(documentId);
      if (id === null) throw new errors.NotFoundError('Campaign not found');
      const { items, total } = await recipients.list(id, query);
      return {
        data: items,
        meta: {
          pagination: pageMeta(query, total),
        },
      };
    },
  };
};

export type CampaignStatsService = ReturnType<typeof createCampaignStatsService>;
