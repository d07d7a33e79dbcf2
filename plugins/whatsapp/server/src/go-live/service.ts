import type { Core } from '@strapi/strapi';
import { GO_LIVE_CHECKS, type GoLiveCheck, type GoLiveCheckId, type GoLiveReport, type GoLiveStage } from '../../../shared/go-live';
import { SANDBOX_SENDER } from '../domain/settings';
import { CHECKS } from './checks';
import { createCheckContext, type CheckContext } from './context';
import { finding } from './types';

const runOne = async (id: GoLiveCheckId, context: CheckContext): Promise<GoLiveCheck> => {
  const definition = CHECKS[id];
  const started = Date.now();
  let result;
  try {
    result = await definition.run(context);
  } catch (error) {
    // A check that breaks says so as its own failing state; the others still run.
    context.strapi.log.error(`[whatsapp] go-live check ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
    result = finding('failing', `The check itself failed: ${error instanceof Error ? error.message : String(error)}`, 'See the server log, then run the check again.');
  }
  return { id, title: definition.title, ...result, checkedAt: new Date().toISOString(), durationMs: Date.now() - started };
};

const stageOf = (settings: Awaited<ReturnType<CheckContext['settings']>>): GoLiveStage => {
  if (settings.mode === 'unconfigured') return 'not-configured';
  if (settings.mode === 'emulator') return 'emulator';
  if (!settings.messagingServiceSid && settings.whatsappNumber === SANDBOX_SENDER) return 'sandbox';
  return 'own-sender';
};

/** Runs the go-live checks (all, or the ones asked for) and says where the launch stands. */
export const createGoLiveService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(only?: GoLiveCheckId): Promise<GoLiveReport> {
    const context = createCheckContext(strapi);
    const ids = only ? [only] : [...GO_LIVE_CHECKS];
    // Independent checks run together; shared Twilio lookups are made once (context memoises them).
    const checks = await Promise.all(ids.map((id) => runOne(id, context)));
    const settings = await context.settings();
    const next = checks.find((check) => check.state !== 'ok');
    const summary = { ok: 0, warning: 0, failing: 0 };
    for (const check of checks) summary[check.state] += 1;
    return {
      mode: settings.mode,
      stage: stageOf(settings),
      nextStep: next ? { check: next.id, title: next.title, fix: next.fix ?? next.reason } : null,
      summary,
      checkedAt: new Date().toISOString(),
      checks,
    };
  },
});

export type GoLiveService = ReturnType<typeof createGoLiveService>;
