import type { SyncRunView } from '../../../plugins/whatsapp/shared/sync-status';
import { api, contentApi, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { emulatorControl } from '../helpers/emulator';
import { createCandidate, getMessage, handedToTwilio, sendMessage, setLastInbound, waitForMessage } from '../send/helpers';

/**
 * Status sync tests run against the emulator with status progression and callbacks off, so a
 * status only changes at "Twilio" when a test says so (silently), and only a sync can bring it
 * to us. The emulator is shared by the whole API run: its config is restored afterwards.
 */

type EmulatorConfig = Record<string, unknown> & { autoAdvance: boolean; callbacks: boolean };

const control = emulatorControl;

/** Turns progression and callbacks off; returns a function that restores what was there. */
export const silenceEmulator = async (): Promise<() => Promise<void>> => {
  const before = await control<EmulatorConfig>('/config');
  await control('/config', { method: 'POST', body: { autoAdvance: false, callbacks: false } });
  return async () => {
    await control('/config', { method: 'POST', body: { autoAdvance: before.autoAdvance, callbacks: before.callbacks } });
  };
};

/** Changes a message's status at Twilio without telling us (no callback). */
export const setStatusSilently = (sid: string, status: string, extra: { errorCode?: number; errorMessage?: string } = {}) =>
  control(`/messages/${sid}/status`, { method: 'POST', body: { status, callback: false, ...extra } });

export const emulatorMessage = (sid: string) => control<{ status: string; history?: unknown[] }>(`/messages/${sid}`);

/** Fetch failures are not per number in the emulator: each test injects exactly what it consumes. */
export const injectFetchFailure = (rule: { kind: 'http429' | 'http500'; times: number }) =>
  control('/failures', { method: 'POST', body: { ...rule, on: 'fetch' } });

export const pendingFetchFailures = async () => {
  const { rules } = await control<{ rules: Array<{ on: string; remaining: number }> }>('/failures');
  return rules.filter((rule) => rule.on === 'fetch');
};

/** Deletes a message at Twilio (its REST API, as a user could): fetching it then answers 404. */
export const deleteAtTwilio = async (sid: string) => {
  const auth = Buffer.from(`${ctx.twilioAccountSid}:${ctx.twilioAuthToken}`).toString('base64');
  const response = await fetch(`${ctx.emulatorUrl}/2010-04-01/Accounts/${ctx.twilioAccountSid}/Messages/${sid}.json`, {
    method: 'DELETE',
    headers: { authorization: `Basic ${auth}` },
  });
  if (response.status !== 204) throw new Error(`delete ${sid}: ${response.status}`);
};

/** A free-text message sent through POST /messages inside an open window, handed to Twilio (status queued). */
export const sentMessage = async (body = 'Your interview is at 10:00.') => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile(), name: 'Asha' });
  await setLastInbound(candidate.documentId);
  const response = await sendMessage({ candidate: candidate.documentId, body });
  if (response.status !== 201) throw new Error(`send: ${response.status} ${JSON.stringify(response.body)}`);
  const sent = await waitForMessage(response.body.data.documentId as string, handedToTwilio);
  return { documentId: sent.documentId as string, sid: sent.twilioSid as string, status: sent.status, candidate };
};

/** Makes one of our messages look older (the schedule only checks messages past a minimum age). */
export const backdate = (documentId: string, minutes: number) =>
  withDb((client) =>
    client.query(`UPDATE plugin_whatsapp_messages SET created_at = now() - make_interval(mins => $2) WHERE document_id = $1`, [
      documentId,
      minutes,
    ])
  );

export const requestSync = (data?: Record<string, unknown>, token = ctx.fullAccessToken) => {
  const request = api(token).post('/api/whatsapp/sync-status');
  return data === undefined ? request : request.send({ data });
};

/** A run as `GET /sync-status/:id` answers it. */
export type RunView = SyncRunView;

export const getRun = async (runId: string): Promise<RunView> => {
  const response = await contentApi().get(`/api/whatsapp/sync-status/${runId}`);
  if (response.status !== 200) throw new Error(`run ${runId}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as RunView;
};

export const waitForRun = async (runId: string, timeoutMs = 30_000): Promise<RunView> => {
  const deadline = Date.now() + timeoutMs;
  let run = await getRun(runId);
  while (run.state === 'queued' || run.state === 'running') {
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish: ${JSON.stringify(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = await getRun(runId);
  }
  return run;
};

/** Requests a run over the given messages and waits for it to finish. */
export const syncMessages = async (documentIds: string[]) => {
  const response = await requestSync({ messages: documentIds });
  if (response.status !== 202) throw new Error(`sync: ${response.status} ${JSON.stringify(response.body)}`);
  return waitForRun(response.body.data.runId as string);
};

export type SyncedMessage = Awaited<ReturnType<typeof getMessage>> & {
  stuckCode: string | null;
  stuckReason: string | null;
  lastSyncedAt: string | null;
  events: Array<{ status: string; source: string; errorCode?: number }>;
};

export const syncedMessage = async (documentId: string) => (await getMessage(documentId)) as SyncedMessage;

export const statusEventSources = (sid: string) =>
  withDb(async (client) => {
    const result = await client.query(`SELECT status, source FROM plugin_whatsapp_status_events WHERE message_sid = $1 ORDER BY id`, [sid]);
    return result.rows as Array<{ status: string; source: string }>;
  });

export { contentApi, ctx };
