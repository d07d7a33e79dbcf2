import { contentApi, ctx } from '../helpers/api';
import { uniqueIndianMobile } from '../helpers/data';
import { withDb } from '../helpers/db';
import { createCandidate, setLastInbound, waitForMessage } from '../send/helpers';
import { expectBadInput, expectGqlError, gql, gqlOk, waitFor } from './helpers';

const RUN_FIELDS = `
  id state trigger requestedAt startedAt finishedAt total checked changed stuck errorCount rateLimited failureReason
  scope { kind campaign messages }
  errors { messageId twilioSid code message httpStatus twilioCode }
  changes { messageId from to }
`;
const REQUEST = `mutation ($messages: [ID!], $campaign: ID) {
  requestWhatsappStatusSync(messages: $messages, campaign: $campaign) {
    runId alreadyRunning state trigger requestedAt scope { kind campaign messages }
  }
}`;
const RUN = `query ($id: ID!) { whatsappStatusSyncRun(id: $id) { ${RUN_FIELDS} } }`;
const OVERVIEW = `{
  whatsappStatusSync {
    current { id state }
    active { id state }
    runs { ${RUN_FIELDS} }
    awaitingFinal awaitingCheck
    stuck { total byCode messages { id status twilioSid stuckCode stuckReason lastSyncedAt createdAt } }
    schedule { enabled intervalMinutes minAgeMinutes share requestsPerSecond }
    statusCallbackUrl
  }
}`;

/** REST's view of a run (its `scope` without the keys a GraphQL selection leaves null). */
const restRun = async (runId: string) => {
  const response = await contentApi().get(`/api/whatsapp/sync-status/${runId}`).expect(200);
  const run = response.body.data;
  return { ...run, scope: { kind: run.scope.kind, campaign: run.scope.campaign ?? null, messages: run.scope.messages ?? null } };
};

/**
 * A message Twilio has as read while our record, its callbacks lost, still says sent: only a
 * sync can tell. (The emulator is left running as it is; other suites share it.)
 */
const messageWithLostCallbacks = async () => {
  const candidate = await createCandidate({ phone: uniqueIndianMobile() });
  await setLastInbound(candidate.documentId);
  const { sendWhatsappMessage: message } = await gqlOk('mutation ($data: WhatsappMessageSendInput!) { sendWhatsappMessage(data: $data) { documentId } }', {
    data: { candidate: candidate.documentId, body: 'Your interview is at 10:00.' },
  });
  const read = await waitForMessage(message.documentId, (current) => current.status === 'read');
  await withDb(async (client) => {
    await client.query(`DELETE FROM plugin_whatsapp_status_events WHERE message_sid = $1 AND status IN ('delivered', 'read')`, [read.twilioSid]);
    await client.query(`UPDATE plugin_whatsapp_messages SET status = 'sent', delivered_at = NULL, read_at = NULL WHERE document_id = $1`, [
      message.documentId,
    ]);
  });
  return message.documentId as string;
};

describe('GraphQL status sync (POST|GET /sync-status)', () => {
  it('requests a run over chosen messages, which learns what Twilio knows; the run and the overview read as on REST', async () => {
    const messageId = await messageWithLostCallbacks();

    const { requestWhatsappStatusSync: request } = await gqlOk(REQUEST, { messages: [messageId] });
    expect(request).toEqual({
      runId: expect.any(String),
      alreadyRunning: false,
      state: 'queued',
      trigger: 'manual',
      requestedAt: expect.any(String),
      scope: { kind: 'messages', campaign: null, messages: [messageId] },
    });

    const run = await waitFor(
      async () => (await gqlOk(RUN, { id: request.runId })).whatsappStatusSyncRun,
      (current) => current.state !== 'queued' && current.state !== 'running',
      30_000
    );
    expect(run).toMatchObject({
      id: request.runId,
      state: 'completed',
      total: 1,
      checked: 1,
      changed: 1,
      errorCount: 0,
      failureReason: null,
      errors: [],
      changes: [{ messageId, from: 'sent', to: 'read' }],
    });
    expect(run).toEqual(await restRun(request.runId));
    const { whatsappMessage } = await gqlOk('query ($id: ID!) { whatsappMessage(documentId: $id) { status readAt } }', { id: messageId });
    expect(whatsappMessage).toEqual({ status: 'read', readAt: expect.any(String) });

    const { whatsappStatusSync: overview } = await gqlOk(OVERVIEW);
    const rest = (await contentApi().get('/api/whatsapp/sync-status').expect(200)).body.data;
    expect(overview.runs.find((listed: { id: string }) => listed.id === request.runId)).toEqual(run);
    expect(overview.schedule).toEqual(rest.schedule);
    expect(overview.schedule).toMatchObject({ enabled: true, intervalMinutes: 1, minAgeMinutes: 60 });
    expect(overview.statusCallbackUrl).toBe(`${ctx.publicUrl}/api/whatsapp/webhook/status`);
    expect(overview).toMatchObject({ awaitingFinal: expect.any(Number), awaitingCheck: expect.any(Number), stuck: { total: expect.any(Number) } });
    expect(overview.active).toEqual(expect.any(Array));
  });

  it.each([
    ['an empty message list', { messages: [] }, 'messages'],
    ['both messages and a campaign', { messages: ['x'], campaign: 'y' }, 'campaign'],
    ['a blank campaign id', { campaign: ' ' }, 'campaign'],
    ['a message that does not exist', { messages: ['nosuchmessage000000000000'] }, 'messages.0'],
    ['a campaign that does not exist', { campaign: 'nosuchcampaign00000000000' }, 'campaign'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, variables, path) => {
    expect(expectBadInput(await gql(REQUEST, variables), 'requestWhatsappStatusSync')).toContain(path);
  });

  it('answers NOT_FOUND for an unknown run', async () => {
    expectGqlError(await gql(RUN, { id: 'nosuchrun0000000000000000' }), 'STRAPI_NOT_FOUND_ERROR', 'whatsappStatusSyncRun');
  });
});
