/** The go-live checks: what `GET /whatsapp/settings/checks` answers and the Settings → Go live view shows. */

/** In the order of a real launch; `status-callbacks` is watched once messages flow. */
export const GO_LIVE_CHECKS = ['sandbox', 'credentials', 'sender', 'public-url', 'webhook', 'templates', 'status-callbacks'] as const;

export type GoLiveCheckId = (typeof GO_LIVE_CHECKS)[number];

export type GoLiveCheckState = 'ok' | 'warning' | 'failing';

export type GoLiveLink = { label: string; url: string };

export type GoLiveCheck = {
  id: GoLiveCheckId;
  title: string;
  state: GoLiveCheckState;
  /** What was found, in words. */
  reason: string;
  /** What to do about it; null when nothing needs doing. */
  fix: string | null;
  /** Figures behind the reason (counts, URLs, senders), for the page and for monitoring. */
  details: Record<string, unknown>;
  /** Twilio console pages where the fix is made. */
  links: GoLiveLink[];
  checkedAt: string;
  durationMs: number;
};

export type GoLiveStage = 'not-configured' | 'emulator' | 'sandbox' | 'own-sender';

export type GoLiveReport = {
  /** Where Twilio is connected (emulator, sandbox, production, unconfigured). */
  mode: 'emulator' | 'sandbox' | 'production' | 'unconfigured';
  stage: GoLiveStage;
  /** The first check in launch order that is not ok, and what to do; null when all are ok. */
  nextStep: { check: GoLiveCheckId; title: string; fix: string } | null;
  summary: Record<GoLiveCheckState, number>;
  checkedAt: string;
  checks: GoLiveCheck[];
};
