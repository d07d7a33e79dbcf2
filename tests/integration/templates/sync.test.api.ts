import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueName } from '../helpers/data';
import { withDb } from '../helpers/db';
import {
  deleteContentAtTwilio,
  failNextContentRequest,
  pendingContentFailures,
  seedContent,
  setApproval,
  type ApprovalStatus,
} from './emulator-content';

type Row = {
  id: number;
  document_id: string;
  name: string;
  language: string;
  category: string;
  body: string;
  variables: Record<string, string> | null;
  content_sid: string;
  approval_status: string;
  rejection_reason: string | null;
  last_synced_at: Date | null;
  deleted_at_twilio: Date | null;
  twilio_types: Record<string, unknown> | null;
  updated_at: Date;
};

const rowsBySid = (sids: string[]) =>
  withDb(async (client) => {
    const result = await client.query<Row>('SELECT * FROM plugin_whatsapp_templates WHERE content_sid = ANY($1)', [sids]);
    return new Map(result.rows.map((row) => [row.content_sid, row]));
  });

const allTemplateRows = () =>
  withDb(async (client) => (await client.query('SELECT * FROM plugin_whatsapp_templates ORDER BY id')).rows);

const sync = () => contentApi().post('/api/whatsapp/templates/sync');

type SyncResult = { created: number; updated: number; unchanged: number; markedDeleted: number; skipped: number; total: number; pages: number; syncedAt: string };

const syncOk = async (): Promise<SyncResult> => {
  const response = await sync();
  expect(response.status).toBe(200);
  const result = response.body.data as SyncResult;
  // Every template Twilio listed is accounted for exactly once.
  expect(result.created + result.updated + result.unchanged + result.skipped).toBe(result.total);
  return result;
};

const STATES: ApprovalStatus[] = ['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'];

describe('POST /templates/sync: import from /v1/ContentAndApprovals', () => {
  it('imports every page, with every approval state and rejection reason', async () => {
    const prefix = uniqueName('sync').toLowerCase();
    // 56 new templates: more than one page of 50 whatever else the emulator holds, 8 per state.
    const seeded = [];
    for (let i = 0; i < 56; i += 1) {
      const status = STATES[i % STATES.length]!;
      const category = i % 2 === 0 ? 'UTILITY' : 'MARKETING';
      seeded.push(
        await seedContent({
          friendlyName: `${prefix}_${i}`,
          language: i % 3 === 0 ? 'hi' : 'en',
          body: `Hello {{1}}, template ${i} for {{2}}`,
          variables: { '1': 'Asha', '2': `drive ${i}` },
          approval:
            status === 'unsubmitted'
              ? 'unsubmitted'
              : { status, category, ...(status === 'rejected' ? { rejectionReason: `INVALID_FORMAT ${i}` } : {}) },
        })
      );
    }

    const result = await syncOk();
    expect(result.pages).toBeGreaterThanOrEqual(2);
    expect(result.total).toBeGreaterThanOrEqual(56);
    expect(result.created).toBeGreaterThanOrEqual(56);
    expect(Date.parse(result.syncedAt)).not.toBeNaN();

    const rows = await rowsBySid(seeded.map((content) => content.sid));
    expect(rows.size).toBe(56);
    seeded.forEach((content, i) => {
      const status = STATES[i % STATES.length]!;
      const row = rows.get(content.sid)!;
      expect({
        name: row.name,
        language: row.language,
        category: row.category,
        body: row.body,
        variables: row.variables,
        approvalStatus: row.approval_status,
        rejectionReason: row.rejection_reason,
        deletedAtTwilio: row.deleted_at_twilio,
        twilioTypes: row.twilio_types,
      }).toEqual({
        name: `${prefix}_${i}`,
        language: i % 3 === 0 ? 'hi' : 'en',
        // An unsubmitted template has no category at Twilio yet: ours defaults to UTILITY.
        category: status === 'unsubmitted' || i % 2 === 0 ? 'UTILITY' : 'MARKETING',
        body: `Hello {{1}}, template ${i} for {{2}}`,
        variables: { '1': 'Asha', '2': `drive ${i}` },
        approvalStatus: status,
        rejectionReason: status === 'rejected' ? `INVALID_FORMAT ${i}` : null,
        deletedAtTwilio: null,
        twilioTypes: { 'twilio/text': { body: `Hello {{1}}, template ${i} for {{2}}` } },
      });
      expect(row.last_synced_at).not.toBeNull();
    });

    // The REST API shows them in the contract's field names.
    const rejected = seeded[4]!;
    const listed = await contentApi()
      .get('/api/whatsapp/templates')
      .query({ filters: { contentSid: { $eq: rejected.sid } } })
      .expect(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        contentSid: rejected.sid,
        approvalStatus: 'rejected',
        rejectionReason: 'INVALID_FORMAT 4',
        deletedAtTwilio: null,
        lastSyncedAt: expect.any(String),
      }),
    ]);

    // Nothing changed at Twilio: the next sync writes nothing but the sync time.
    const again = await syncOk();
    expect(again.created).toBe(0);
    expect(again.unchanged).toBeGreaterThanOrEqual(56);
    const after = await rowsBySid(seeded.map((content) => content.sid));
    for (const content of seeded) {
      const before = rows.get(content.sid)!;
      const now = after.get(content.sid)!;
      expect(now.updated_at).toEqual(before.updated_at);
      expect(now.last_synced_at!.getTime()).toBeGreaterThan(before.last_synced_at!.getTime());
    }
  });

  it('follows a template rejected with a reason, then approved', async () => {
    const name = uniqueName('reapproved').toLowerCase();
    const content = await seedContent({ friendlyName: name, body: 'Hi {{1}}', variables: { '1': 'Ravi' }, approval: { status: 'pending', category: 'UTILITY' } });
    await syncOk();
    expect((await rowsBySid([content.sid])).get(content.sid)).toMatchObject({ approval_status: 'pending', rejection_reason: null });

    await setApproval(content.sid, { status: 'rejected', rejectionReason: 'INCORRECT_CATEGORY' });
    const rejected = await syncOk();
    expect(rejected.updated).toBeGreaterThanOrEqual(1);
    const rejectedRow = (await rowsBySid([content.sid])).get(content.sid)!;
    expect(rejectedRow).toMatchObject({ approval_status: 'rejected', rejection_reason: 'INCORRECT_CATEGORY' });

    await setApproval(content.sid, { status: 'approved' });
    const approved = await syncOk();
    expect(approved.updated).toBeGreaterThanOrEqual(1);
    const approvedRow = (await rowsBySid([content.sid])).get(content.sid)!;
    expect(approvedRow).toMatchObject({ approval_status: 'approved', rejection_reason: null, deleted_at_twilio: null });
    // Still the same template, refreshed in place.
    expect(approvedRow.document_id).toBe(rejectedRow.document_id);
    expect(approvedRow.updated_at.getTime()).toBeGreaterThan(rejectedRow.updated_at.getTime());
  });

  it('marks a template deleted at Twilio instead of dropping it, and leaves local drafts alone', async () => {
    const content = await seedContent({ friendlyName: uniqueName('gone').toLowerCase(), body: 'Bye {{1}}', variables: { '1': 'x' }, approval: 'approved' });
    const draft = await contentApi()
      .post('/api/whatsapp/templates')
      .send({ data: { name: uniqueName('draft').toLowerCase(), body: 'Local only' } })
      .expect(201);
    await syncOk();
    const before = (await rowsBySid([content.sid])).get(content.sid)!;
    expect(before.deleted_at_twilio).toBeNull();

    await deleteContentAtTwilio(content.sid);
    const result = await syncOk();
    expect(result.markedDeleted).toBeGreaterThanOrEqual(1);
    const marked = (await rowsBySid([content.sid])).get(content.sid)!;
    expect(marked.id).toBe(before.id);
    expect(marked.deleted_at_twilio).toBeInstanceOf(Date);
    // What Twilio last said is kept; the mark is what makes it unusable.
    expect(marked.approval_status).toBe('approved');

    const shown = await contentApi().get(`/api/whatsapp/templates/${before.document_id}`).expect(200);
    expect(shown.body.data.deletedAtTwilio).toBe(marked.deleted_at_twilio!.toISOString());

    // Marked once: a later sync neither counts it again nor moves the date.
    await syncOk();
    expect((await rowsBySid([content.sid])).get(content.sid)!.deleted_at_twilio).toEqual(marked.deleted_at_twilio);

    const localDraft = await contentApi().get(`/api/whatsapp/templates/${draft.body.data.documentId}`).expect(200);
    expect(localDraft.body.data).toMatchObject({ approvalStatus: 'draft', contentSid: null, deletedAtTwilio: null, lastSyncedAt: null });
  });

  describe('Twilio failing during a sync', () => {
    afterEach(async () => {
      // A rule left over would fail another suite's request.
      expect(await pendingContentFailures()).toBe(0);
    });

    it.each([
      ['429 Too Many Requests', { kind: 'http429' as const }, 429, 'RateLimitError', 'TWILIO_RATE_LIMITED', 20429],
      ['500 Internal Server Error', { kind: 'http500' as const }, 502, 'BadGatewayError', 'TWILIO_UNAVAILABLE', 20500],
      ['503 Service Unavailable', { kind: 'http500' as const, status: 503 }, 502, 'BadGatewayError', 'TWILIO_UNAVAILABLE', 20503],
    ])('answers %s in Strapi’s error shape and changes nothing', async (_label, rule, status, name, code, twilioCode) => {
      const content = await seedContent({ friendlyName: uniqueName('flaky').toLowerCase(), body: 'Hi', approval: 'pending' });
      await syncOk();
      await setApproval(content.sid, { status: 'approved' });
      const before = await allTemplateRows();

      await failNextContentRequest(rule);
      const response = await sync();
      expect(response.status).toBe(status);
      expectStrapiError(response.body, status, name);
      expect(response.body.error.message).toContain('sync templates');
      expect(response.body.error.details).toEqual({ code, twilioStatus: rule.kind === 'http429' ? 429 : (rule as { status?: number }).status ?? 500, twilioCode });
      expect(await allTemplateRows()).toEqual(before);

      // Once Twilio recovers, the change comes through.
      await syncOk();
      expect((await rowsBySid([content.sid])).get(content.sid)!.approval_status).toBe('approved');
    });
  });
});
