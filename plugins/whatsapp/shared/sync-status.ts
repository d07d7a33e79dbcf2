/** What the status sync routes answer, shared by the server that builds it and the Sync status page. */

export const SYNC_RUN_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type SyncRunState = (typeof SYNC_RUN_STATES)[number];

export const SYNC_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type SyncRunTrigger = (typeof SYNC_RUN_TRIGGERS)[number];

/** What a run covers: every message awaiting a final status, one campaign's, or chosen messages. */
export type SyncScope =
  | { kind: 'all' }
  | { kind: 'campaign'; campaign: string }
  | { kind: 'messages'; messages: string[] };

export type RunCounters = {
  total: number;
  checked: number;
  changed: number;
  stuck: number;
  errorCount: number;
  rateLimited: number;
};

export type RunError = {
  messageId: string;
  twilioSid: string;
  code: string;
  message: string;
  httpStatus?: number;
  twilioCode?: number;
};

export type RunChange = { messageId: string; from: string; to: string };

/** A run as the API shows it. */
export type RunView = RunCounters & {
  id: string;
  scope: SyncScope;
  trigger: SyncRunTrigger;
  state: SyncRunState;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  errors: RunError[];
  changes: RunChange[];
  failureReason: string | null;
};

export type StuckMessageView = {
  id: string;
  status: string;
  twilioSid: string | null;
  stuckCode: string;
  stuckReason: string | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
};

/** `GET /whatsapp/sync-status` before JSON: runs, what awaits a final status, what looks stuck, the schedule. */
export type SyncOverviewData = {
  current: RunView | null;
  active: RunView[];
  runs: RunView[];
  awaitingFinal: number;
  awaitingCheck: number;
  stuck: { total: number; byCode: Record<string, number>; messages: StuckMessageView[] };
  schedule: { enabled: boolean; intervalMinutes: number | null; minAgeMinutes: number; share: number; requestsPerSecond: number };
  /** Where Twilio posts status callbacks (each message's URL adds ?messageId=<its id>). */
  statusCallbackUrl: string | null;
};

/** A server value after JSON: dates become strings. */
type Jsonified<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Jsonified<U>>
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** `GET /whatsapp/sync-status/:id`: one run. */
export type SyncRunView = Jsonified<RunView>;

/** `GET /whatsapp/sync-status`. */
export type SyncOverview = Jsonified<SyncOverviewData>;

/** `POST /whatsapp/sync-status` (202). */
export type SyncStartAnswer = Pick<SyncRunView, 'state' | 'scope' | 'trigger' | 'requestedAt'> & { runId: string; alreadyRunning: boolean };

/** A run that will change no more. */
export const runFinished = (run: Pick<SyncRunView, 'state'>) => run.state === 'completed' || run.state === 'failed';
