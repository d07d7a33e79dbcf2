import { useQuery } from '@tanstack/react-query';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CampaignTimeline, TimelineBucketSize, TimelineSeries } from '../../../shared/campaign-timeline';

export type { CampaignTimeline, TimelineBucketSize, TimelineSeries };

/** A live campaign's chart follows its messages, a little slower than its counts. */
const LIVE_REFRESH_MS = 5_000;

export const timelineKeys = {
  one: (id: string) => ['whatsapp', 'campaigns', 'timeline', id] as const,
};

/** `GET /whatsapp/campaigns/:id/timeline`: sent, delivered, read, failed and replies per bucket. */
export const useCampaignTimelineQuery = (id: string, live: boolean) => {
  const { get } = useFetchClient();
  return useQuery({
    queryKey: timelineKeys.one(id),
    queryFn: async () => (await get<{ data: CampaignTimeline }>(`/whatsapp/campaigns/${id}/timeline`)).data.data,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
};
