import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { TABLE } from '../database/strapi-tables';
import { isoOrNull, rowsOf } from '../database/sql-row';
import { TIMELINE_SERIES, type CampaignTimeline, type TimelineBucket, type TimelineBucketSize } from '../../../shared/campaign-timeline';
import { timelineSql } from './sql';


/** A campaign's timeline: counted by PostgreSQL, shaped here. */
export const createTimelineService = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection as unknown as Knex;

  return {
    async ofCampaign(documentId: string): Promise<CampaignTimeline> {
      const campaign = rowsOf(await db().raw(`SELECT id FROM ${TABLE.campaign} WHERE document_id = ? ORDER BY id LIMIT 1`, [documentId]))[0];
      if (!campaign) throw new errors.NotFoundError('Campaign not found');
      const query = timelineSql(Number(campaign.id));
      const rows = rowsOf(await db().raw(query.sql, query.bindings));
      const buckets = rows.map(
        (row) =>
          ({
            at: isoOrNull(row.bucket)!,
            ...Object.fromEntries(TIMELINE_SERIES.map((series) => [series, Number(row[series])])),
          }) as TimelineBucket
      );
      const totals = Object.fromEntries(
        TIMELINE_SERIES.map((series) => [series, buckets.reduce((sum, bucket) => sum + bucket[series], 0)])
      ) as CampaignTimeline['totals'];
      return { bucketSize: (rows[0]?.unit as TimelineBucketSize | undefined) ?? null, buckets, totals };
    },
  };
};
