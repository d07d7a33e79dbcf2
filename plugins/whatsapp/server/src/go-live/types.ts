import type { GoLiveCheck, GoLiveCheckId, GoLiveCheckState, GoLiveLink } from '../../../shared/go-live';
import type { CheckContext } from './context';

/** What a check finds; the runner adds when it ran and how long it took. */
export type Finding = Omit<GoLiveCheck, 'checkedAt' | 'durationMs' | 'id' | 'title'>;

export type CheckDefinition = { id: GoLiveCheckId; title: string; run(context: CheckContext): Promise<Finding> };

export const finding = (
  state: GoLiveCheckState,
  reason: string,
  fix: string | null,
  details: Record<string, unknown> = {},
  links: GoLiveLink[] = []
): Finding => ({ state, reason, fix, details, links });

const RANK: Record<GoLiveCheckState, number> = { ok: 0, warning: 1, failing: 2 };

export const worst = (...states: GoLiveCheckState[]): GoLiveCheckState =>
  states.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok' as GoLiveCheckState);

/** A time in words for a reason: `2026-12-05 21:37 UTC` (the details keep the ISO value). */
export const utcText = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
