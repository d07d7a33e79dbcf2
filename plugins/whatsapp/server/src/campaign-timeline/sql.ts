import { PLAIN_TABLE } from '../constants';
import { LINK_TABLE, TABLE } from '../database/strapi-tables';
import { REPLIED_AT_SQL } from '../campaigns/recipients-sql';

const R = PLAIN_TABLE.campaignRecipient;
const M = TABLE.message;

/**
 * A campaign's timeline, counted in one statement: every outbound message of the campaign (its
 * retries included) contributes the first time it was sent, delivered, read and failed (failed or
 * undelivered) — the times the status events set on the message — and every recipient its first
 * reply, by the recipients API's rule. The bucket size follows the span from the first event to
 * the last; empty buckets are there with zeros, so the chart's time axis is even.
 */
export const timelineSql = (campaignId: number) => ({
  sql: `WITH msgs AS (
          SELECT m.sent_at, m.delivered_at, m.read_at, m.failed_at
            FROM ${M} m JOIN ${LINK_TABLE.messageCampaign} lk ON lk.message_id = m.id
           WHERE lk.campaign_id = :campaign AND m.direction = 'outbound'
        ),
        replies AS (
          SELECT ${REPLIED_AT_SQL} AS at
            FROM ${R} r JOIN ${M} m ON m.id = r.message_id
           WHERE r.campaign_id = :campaign
        ),
        events AS (
          SELECT 'sent' AS kind, sent_at AS at FROM msgs WHERE sent_at IS NOT NULL
          UNION ALL SELECT 'delivered', delivered_at FROM msgs WHERE delivered_at IS NOT NULL
          UNION ALL SELECT 'read', read_at FROM msgs WHERE read_at IS NOT NULL
          UNION ALL SELECT 'failed', failed_at FROM msgs WHERE failed_at IS NOT NULL
          UNION ALL SELECT 'replied', at FROM replies WHERE at IS NOT NULL
        ),
        span AS (
          SELECT min(at) AS first, max(at) AS last,
                 CASE WHEN max(at) - min(at) <= interval '3 hours' THEN 'minute'
                      WHEN max(at) - min(at) <= interval '7 days' THEN 'hour'
                      ELSE 'day' END AS unit
            FROM events
        ),
        counts AS (
          SELECT date_trunc(s.unit, e.at) AS bucket, e.kind, count(*)::int AS n
            FROM events e CROSS JOIN span s
           GROUP BY 1, 2
        )
        SELECT s.unit, g.bucket,
               COALESCE(sum(c.n) FILTER (WHERE c.kind = 'sent'), 0)::int AS sent,
               COALESCE(sum(c.n) FILTER (WHERE c.kind = 'delivered'), 0)::int AS delivered,
               COALESCE(sum(c.n) FILTER (WHERE c.kind = 'read'), 0)::int AS read,
               COALESCE(sum(c.n) FILTER (WHERE c.kind = 'failed'), 0)::int AS failed,
               COALESCE(sum(c.n) FILTER (WHERE c.kind = 'replied'), 0)::int AS replied
          FROM span s
          CROSS JOIN LATERAL generate_series(date_trunc(s.unit, s.first), date_trunc(s.unit, s.last), CAST('1 ' || s.unit AS interval)) AS g(bucket)
          LEFT JOIN counts c ON c.bucket = g.bucket
         WHERE s.first IS NOT NULL
         GROUP BY s.unit, g.bucket
         ORDER BY g.bucket`,
  bindings: { campaign: campaignId },
});
