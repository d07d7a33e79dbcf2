/**
 * Which campaign action may run in which state (draft | scheduled | running |
 * paused | completed | cancelled). Pure rules; campaigns/actions.ts answers a refusal
 * with 409.
 */
import type { CampaignState } from './statuses';

export const CAMPAIGN_ACTIONS = ['launch', 'pause', 'resume', 'cancel', 'retry-failed'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const ALLOWED_FROM: Readonly<Record<CampaignAction, readonly CampaignState[]>> = {
  launch: ['draft', 'scheduled'],
  pause: ['running'],
  resume: ['paused'],
  cancel: ['scheduled', 'running', 'paused'],
  // A completed campaign runs again for the recipients whose message failed.
  'retry-failed': ['running', 'paused', 'completed'],
};

const WHAT: Readonly<Record<CampaignAction, string>> = {
  launch: 'only a draft or scheduled campaign can be launched',
  pause: 'only a running campaign can be paused',
  resume: 'only a paused campaign can be resumed',
  cancel: 'only a scheduled, running or paused campaign can be cancelled',
  'retry-failed': 'failed recipients can be retried once the campaign has been launched and while it is not cancelled',
};

export type TransitionCheck =
  | { ok: true; to: CampaignState }
  | { ok: false; message: string; allowedFrom: readonly CampaignState[] };

const targetOf = (action: CampaignAction, from: CampaignState): CampaignState => {
  switch (action) {
    case 'launch':
    case 'resume':
      return 'running';
    case 'pause':
      return 'paused';
    case 'cancel':
      return 'cancelled';
    case 'retry-failed':
      return from === 'completed' ? 'running' : from;
  }
};

export const checkTransition = (action: CampaignAction, from: CampaignState): TransitionCheck => {
  const allowedFrom = ALLOWED_FROM[action];
  if (!allowedFrom.includes(from)) {
    return { ok: false, message: `This campaign is ${from}: ${WHAT[action]}.`, allowedFrom };
  }
  return { ok: true, to: targetOf(action, from) };
};

/** The state a write through the Document Service leaves a not-yet-launched campaign in. */
export const unlaunchedStateFor = (scheduledAt: unknown): CampaignState => (scheduledAt ? 'scheduled' : 'draft');
