import type { Core } from '@strapi/strapi';
import { DATABASE_PROBE_MS } from '../constants';
import { isDatabaseUnreachable, unreachableReason } from './db-errors';

/**
 * One log line when the database becomes unreachable and one when it is back, with a count of
 * what failed meanwhile, instead of a stack trace per failed request and per background task.
 * While it is down, a probe tries it every DATABASE_PROBE_MS to notice its return by itself.
 */
export const createDatabaseFaultsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let outage: { since: number; reason: string; failed: Map<string, number> } | null = null;
  let probe: NodeJS.Timeout | null = null;
  let probing = false;

  const reachable = async () => {
    try {
      await strapi.db.connection.raw('SELECT 1');
      return true;
    } catch {
      return false;
    }
  };

  const count = (what: string) => {
    if (outage) outage.failed.set(what, (outage.failed.get(what) ?? 0) + 1);
  };

  const recovered = () => {
    const ended = outage;
    if (!ended) return;
    outage = null;
    if (probe) clearInterval(probe);
    probe = null;
    const seconds = ((Date.now() - ended.since) / 1000).toFixed(1);
    const failed = [...ended.failed].map(([what, n]) => `${n} ${what}`).join(', ') || 'nothing';
    strapi.log.warn(`[whatsapp] database back after ${seconds} s; failed meanwhile: ${failed}`);
  };

  const begin = (error: unknown) => {
    if (outage) return;
    outage = { since: Date.now(), reason: unreachableReason(error), failed: new Map() };
    strapi.log.error(`[whatsapp] database unreachable (${outage.reason}); requests answer 503 until it is back`);
    probe = setInterval(() => {
      if (probing) return;
      probing = true;
      void reachable()
        .then((up) => up && recovered())
        .finally(() => {
          probing = false;
        });
    }, DATABASE_PROBE_MS);
    probe.unref();
  };

  /**
   * Whether `error` is the database being unreachable; if so it is counted under `what` (a plural
   * noun) and logged only when it starts an outage. Outside an outage the database is asked
   * first: one connection cut (or a refused socket that was Twilio's) is not an outage.
   */
  const absorb = async (error: unknown, what: string): Promise<boolean> => {
    if (!isDatabaseUnreachable(error)) return false;
    if (!outage && (await reachable())) return false;
    begin(error);
    count(what);
    return true;
  };

  return {
    absorb,

    /** Runs `log` unless `error` is the database being unreachable, which the outage report counts instead. */
    logUnlessUnreachable(error: unknown, what: string, log: () => void): Promise<void> {
      return absorb(error, what).then((absorbed) => {
        if (!absorbed) log();
      });
    },

    /** destroy.ts */
    stop() {
      if (probe) clearInterval(probe);
      probe = null;
    },
  };
};

export type DatabaseFaultsService = ReturnType<typeof createDatabaseFaultsService>;

declare module '../utils/get-service' {
  interface PluginServices {
    'database-faults': DatabaseFaultsService;
  }
}
