import { contentApi, expectStrapiError } from '../helpers/api';
import { uniqueIndianMobile, uniqueName } from '../helpers/data';
import { countRows } from '../helpers/db';
import { deleteContentAtTwilio, seedContent, type ApprovalStatus } from './emulator-content';

/** A template as a sync brings it from Twilio, in the given approval state. */
const syncedTemplate = async (approval: ApprovalStatus) => {
  const content = await seedContent({
    friendlyName: uniqueName('usable').toLowerCase(),
    body: 'Hello {{1}}, your interview is on {{2}}.',
    variables: { '1': 'Asha', '2': 'Monday' },
    approval: approval === 'unsubmitted' ? 'unsubmitted' : { status: approval, ...(approval === 'rejected' ? { rejectionReason: 'INVALID_FORMAT' } : {}) },
  });
  await contentApi().post('/api/whatsapp/templates/sync').expect(200);
  const listed = await contentApi().get('/api/whatsapp/templates').query({ filters: { contentSid: { $eq: content.sid } } }).expect(200);
  return { documentId: listed.body.data[0].documentId as string, contentSid: content.sid };
};

const sendTemplate = (template: string, to = uniqueIndianMobile()) =>
  contentApi().post('/api/whatsapp/messages').send({ data: { to, template, variables: { '1': 'Ravi', '2': 'Friday' } } });

const messagesWithTemplate = (documentId: string) =>
  countRows(
    'plugin_whatsapp_messages m JOIN plugin_whatsapp_messages_template_lnk l ON l.message_id = m.id JOIN plugin_whatsapp_templates t ON t.id = l.template_id',
    't.document_id = $1',
    [documentId]
  );

describe('only approved templates can be sent (TEMPLATE_NOT_APPROVED)', () => {
  it.each(['unsubmitted', 'received', 'pending', 'rejected', 'paused', 'disabled'] as ApprovalStatus[])(
    'refuses a template that is %s at Twilio with a 422 and stores no message',
    async (approval) => {
      const template = await syncedTemplate(approval);
      const response = await sendTemplate(template.documentId);
      expect(response.status).toBe(422);
      expectStrapiError(response.body, 422);
      expect(response.body.error.details).toMatchObject({ code: 'TEMPLATE_NOT_APPROVED', template: template.documentId, approvalStatus: approval });
      expect(await messagesWithTemplate(template.documentId)).toBe(0);
    }
  );

  it('refuses a local draft never created at Twilio', async () => {
    const draft = await contentApi()
      .post('/api/whatsapp/templates')
      .send({ data: { name: uniqueName('draft').toLowerCase(), body: 'Hello {{1}} {{2}}', variables: { '1': 'a', '2': 'b' } } })
      .expect(201);
    const response = await sendTemplate(draft.body.data.documentId);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toMatchObject({ code: 'TEMPLATE_NOT_APPROVED', approvalStatus: 'draft' });
  });

  it('sends a template once a sync shows it approved', async () => {
    const template = await syncedTemplate('approved');
    const response = await sendTemplate(template.documentId);
    expect(response.status).toBe(201);
    expect(await messagesWithTemplate(template.documentId)).toBe(1);
  });

  // domain/send-rules.ts applies checkTemplateUsable (domain/template-approval.ts).
  it('refuses an approved template that was deleted at Twilio', async () => {
    const template = await syncedTemplate('approved');
    await deleteContentAtTwilio(template.contentSid);
    await contentApi().post('/api/whatsapp/templates/sync').expect(200);
    const response = await sendTemplate(template.documentId);
    expect(response.status).toBe(422);
    expect(response.body.error.details).toMatchObject({ code: 'TEMPLATE_NOT_APPROVED', template: template.documentId });
    expect(await messagesWithTemplate(template.documentId)).toBe(0);
  });
});
