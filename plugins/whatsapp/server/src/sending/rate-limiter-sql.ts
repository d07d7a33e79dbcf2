import { PLAIN_TABLE } from '../constants';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { freshBucket, reserve, slowDown, type BucketLimits, type BucketState, type Reservation } from '../domain/token-bucket';

/**
 * The per-sender token buckets (an UNLOGGED table, see campaign-tables.ts). Each change reads the
 * row under `FOR UPDATE`, applies the pure rule of domain/token-bucket.ts and writes it back in
 * one short transaction, so reservations from any number of instances are applied one after the
 * other to the same state. Time is the database's clock (`clock_timestamp()`), never an
 * instance's, so instances whose clocks disagree still share one pace.
 */

const B = PLAIN_TABLE.rateBucket;

type Row = { tokens: number; updated_ms: number; factor: number; slowed_ms: number | null; now_ms: number };

const toState = (row: Row): BucketState => ({
  tokens: Number(row.tokens),
  updatedAt: Number(row.updated_ms),
  factor: Number(row.factor),
  slowedAt: row.slowed_ms === null ? null : Number(row.slowed_ms),
});

const epochMs = (column: string) => `CAST(extract(epoch FROM ${column}) * 1000 AS double precision)`;

export const createRateLimiterRepository = (strapi: Core.Strapi) => {
  /** Runs `change` on the sender's bucket (created full if missing) under its row lock. */
  const withBucket = async <T>(
    sender: string,
    limits: BucketLimits,
    change: (state: BucketState, now: number) => { state: BucketState; result: T }
  ): Promise<T> =>
    strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
      await trx.raw(
        `INSERT INTO ${B} (sender, tokens, updated_at, factor) VALUES (?, ?, clock_timestamp(), 1) ON CONFLICT (sender) DO NOTHING`,
        [sender, freshBucket(limits, 0).tokens]
      );
      const result = await trx.raw(
        `SELECT tokens, ${epochMs('updated_at')} AS updated_ms, factor, ${epochMs('slowed_at')} AS slowed_ms,
                ${epochMs('clock_timestamp()')} AS now_ms
           FROM ${B} WHERE sender = ? FOR UPDATE`,
        [sender]
      );
      const row = (result as { rows: Row[] }).rows[0]!;
      const { state, result: answer } = change(toState(row), Number(row.now_ms));
      await trx.raw(
        `UPDATE ${B} SET tokens = ?, updated_at = to_timestamp(CAST(? AS double precision) / 1000), factor = ?,
                slowed_at = CASE WHEN CAST(? AS double precision) IS NULL THEN NULL ELSE to_timestamp(CAST(? AS double precision) / 1000) END
          WHERE sender = ?`,
        [state.tokens, state.updatedAt, state.factor, state.slowedAt, state.slowedAt, sender]
      );
      return answer;
    });

  return {
    async reserve(sender: string, count: number, limits: BucketLimits): Promise<Reservation> {
      return withBucket(sender, limits, (state, now) => {
        const reservation = reserve(state, count, limits, now);
        return { state: reservation.state, result: reservation };
      });
    },

    /** `changed`: false when a slow-down happened just before (refusals that arrive together count once). */
    async slowDown(sender: string, limits: BucketLimits): Promise<{ state: BucketState; changed: boolean }> {
      return withBucket(sender, limits, (state, now) => {
        const next = slowDown(state, limits, now);
        return { state: next, result: { state: next, changed: next.slowedAt !== state.slowedAt } };
      });
    },

    async read(sender: string): Promise<BucketState | null> {
      const result = await strapi.db.connection.raw(
        `SELECT tokens, ${epochMs('updated_at')} AS updated_ms, factor, ${epochMs('slowed_at')} AS slowed_ms, 0 AS now_ms
           FROM ${B} WHERE sender = ?`,
        [sender]
      );
      const row = (result as { rows: Row[] }).rows[0];
      return row ? toState(row) : null;
    },
  };
};

export type RateLimiterRepository = ReturnType<typeof createRateLimiterRepository>;
