/** What the status sync routes answer, shared by the server and the Sync status page. */
import type { StatusSyncService } from '../server/src/status-sync/sync';

/** A server value after JSON: dates become strings. */
type Jsonified<T> = T extends Date
  ? string
  : T extends Array<infer U>
    ? Array<Jsonified<U>>
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/** `GET /whatsapp/sync-status/:id`: one run. */
export type SyncRunView = Jsonified<Awaited<ReturnType<StatusSyncService['findRun']>>>;

/** `GET /whatsapp/sync-status`: runs, what awaits a final status, what looks stuck, the schedule. */
export type SyncOverview = Jsonified<Awaited<ReturnType<StatusSyncService['overview']>>>;

/** `POST /whatsapp/sync-status` (202). */
export type SyncStartAnswer = Pick<SyncRunView, 'state' | 'scope' | 'trigger' | 'requestedAt'> & { runId: string; alreadyRunning: boolean };

/** A run that will change no more. */
export const runFinished = (run: Pick<SyncRunView, 'state'>) => run.state === 'completed' || run.state === 'failed';
