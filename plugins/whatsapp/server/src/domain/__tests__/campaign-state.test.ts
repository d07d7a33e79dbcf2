import { CAMPAIGN_ACTIONS, checkTransition, unlaunchedStateFor, type CampaignAction } from '../../../../shared/campaign-state';
import { CAMPAIGN_STATES, type CampaignState } from '../../../../shared/statuses';

const allowed: Record<CampaignAction, Partial<Record<CampaignState, CampaignState>>> = {
  launch: { draft: 'running', scheduled: 'running' },
  pause: { running: 'paused' },
  resume: { paused: 'running' },
  cancel: { scheduled: 'cancelled', running: 'cancelled', paused: 'cancelled' },
  'retry-failed': { running: 'running', paused: 'paused', completed: 'running' },
};

describe('campaign state transitions', () => {
  for (const action of CAMPAIGN_ACTIONS) {
    for (const from of CAMPAIGN_STATES) {
      const to = allowed[action][from];
      it(`${action} from ${from}: ${to ? `→ ${to}` : 'refused'}`, () => {
        const verdict = checkTransition(action, from);
        if (to) {
          expect(verdict).toEqual({ ok: true, to });
        } else {
          expect(verdict.ok).toBe(false);
          if (!verdict.ok) {
            expect(verdict.message).toContain(`This campaign is ${from}`);
            expect(verdict.allowedFrom).toEqual(Object.keys(allowed[action]));
          }
        }
      });
    }
  }

  it('a campaign that is not launched is scheduled exactly when it has a scheduledAt', () => {
    expect(unlaunchedStateFor('2030-01-01T00:00:00.000Z')).toBe('scheduled');
    expect(unlaunchedStateFor(null)).toBe('draft');
    expect(unlaunchedStateFor(undefined)).toBe('draft');
  });
});
