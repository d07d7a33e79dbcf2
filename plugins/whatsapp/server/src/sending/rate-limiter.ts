import type { Core } from '@strapi/strapi';
import { RATE_BUCKET } from '../constants';
import type { BucketLimits, BucketState, Reservation } from '../domain/token-bucket';
import { createRateLimiterRepository } from './rate-limiter-sql';

export type Grant = Reservation & { grantedAt: number };

const limitsFor = (mps: number): BucketLimits => ({ mps, ...RATE_BUCKET });

/**
 * The pace of each sender, shared by every app instance: WHATSAPP_MPS sends per second at most,
 * slower for a while after Twilio or WhatsApp says we go too fast (20429, 63018).
 */
export const createRateLimiterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createRateLimiterRepository(strapi);
  return {
    /**
     * `count` sends for `sender`; each may start `delaysMs[i]` after `grantedAt` (this instance's
     * clock when the answer arrived), not before. Schedule from `grantedAt`, not from whenever
     * the sends are ready: a token whose time passed while the batch was prepared is still good.
     */
    async reserve(sender: string, count: number, mps: number): Promise<Grant> {
      const reservation = await repository.reserve(sender, count, limitsFor(mps));
      return { ...reservation, grantedAt: Date.now() };
    },

    async slowDown(sender: string, mps: number): Promise<BucketState> {
      const { state, changed } = await repository.slowDown(sender, limitsFor(mps));
      if (changed) {
        strapi.log.info(`[whatsapp] sending slowed down for a while: Twilio asked us to go slower (rate now ${Math.round(state.factor * 100)} % of ${mps}/s)`);
      }
      return state;
    },

    async state(sender: string): Promise<BucketState | null> {
      return repository.read(sender);
    },
  };
};

export type RateLimiterService = ReturnType<typeof createRateLimiterService>;
