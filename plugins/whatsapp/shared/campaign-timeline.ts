/** `GET /whatsapp/campaigns/:id/timeline`: a campaign's messages over time, shared by the server and the campaign page. */

export const TIMELINE_SERIES = ['sent', 'delivered', 'read', 'failed', 'replied'] as const;
export type TimelineSeries = (typeof TIMELINE_SERIES)[number];

/** Chosen by the campaign's span: minutes up to 3 hours, hours up to 7 days, then days. */
export type TimelineBucketSize = 'minute' | 'hour' | 'day';

/** One bucket: its start (ISO 8601, UTC) and how many messages reached each state in it. */
export type TimelineBucket = { at: string } & Record<TimelineSeries, number>;

export type CampaignTimeline = {
  /** null before anything was sent: no buckets. */
  bucketSize: TimelineBucketSize | null;
  buckets: TimelineBucket[];
  totals: Record<TimelineSeries, number>;
};
