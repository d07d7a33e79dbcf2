import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, ctx, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { emulatorControl } from '../helpers/emulator';
import { openEventStream } from '../helpers/event-stream';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';
import { newInboundConversation } from './support';

type ThreadItem = { kind: 'message' | 'note'; body: string; author?: { id: number; name: string }; createdAt: string };

const thread = async (conversation: string, query = '') =>
  (await adminApi().get(`/whatsapp/inbox/conversations/${conversation}/messages${query}`).expect(200)).body as {
    data: ThreadItem[];
    meta: { hasOlder: boolean; olderCursor: string | null };
  };

const addNote = (token: string, conversation: string, body: unknown) => api(token).post(`/whatsapp/inbox/conversations/${conversation}/notes`).send({ data: { body } });

const emulatorMessages = async () => (await emulatorControl<{ messages: Array<{ body?: string | null }> }>('/messages')).messages;

describe('team inbox: internal notes', () => {
  it('adds a note to a thread, among its messages by time, with its author; never to WhatsApp', async () => {
    const conversation = await newInboundConversation('Is the job still open?');
    const emulatorBefore = await emulatorMessages();

    const created = await addNote(ctx.adminJwt, conversation.documentId, '  Called her back, she starts Monday  ').expect(201);
    expect(created.body.data).toEqual({
      kind: 'note',
      id: expect.any(Number),
      body: 'Called her back, she starts Monday',
      author: { id: expect.any(Number), name: expect.any(String) },
      createdAt: expect.any(String),
    });

    // Nothing was sent: the emulator (our Twilio) holds exactly the messages it held before.
    expect(await emulatorMessages()).toEqual(emulatorBefore);

    // The candidate writes again after the note: the thread reads message, note, message.
    expect((await postSigned(INBOUND_PATH, inboundParams({ From: conversation.phone, Body: 'Thanks!' }))).status).toBe(200);
    const { data } = await thread(conversation.documentId);
    expect(data.map((item) => [item.kind, item.body])).toEqual([
      ['message', 'Is the job still open?'],
      ['note', 'Called her back, she starts Monday'],
      ['message', 'Thanks!'],
    ]);

    const listed = await adminApi().get(`/whatsapp/inbox/conversations/${conversation.documentId}/notes`).expect(200);
    expect(listed.body.data.map((note: ThreadItem) => note.body)).toEqual(['Called her back, she starts Monday']);

    expect((await emulatorMessages()).some((message) => message.body?.includes('she starts Monday'))).toBe(false);
    // The content API's thread (other apps) holds messages only.
    const rest = await api(ctx.fullAccessToken).get(`/api/whatsapp/conversations/${conversation.documentId}/messages`).expect(200);
    expect(JSON.stringify(rest.body)).not.toContain('she starts Monday');
  });

  it('shows each note once across the pages of a long thread', async () => {
    const conversation = await newInboundConversation('one');
    await addNote(ctx.adminJwt, conversation.documentId, 'note after one').expect(201);
    await postSigned(INBOUND_PATH, inboundParams({ From: conversation.phone, Body: 'two' }));
    await addNote(ctx.adminJwt, conversation.documentId, 'note after two').expect(201);
    await postSigned(INBOUND_PATH, inboundParams({ From: conversation.phone, Body: 'three' }));

    const newest = await thread(conversation.documentId, '?limit=1');
    expect(newest.meta.hasOlder).toBe(true);
    const older = await thread(conversation.documentId, `?limit=1&cursor=${encodeURIComponent(newest.meta.olderCursor!)}`);
    const oldest = await thread(conversation.documentId, `?limit=1&cursor=${encodeURIComponent(older.meta.olderCursor!)}`);
    expect([oldest, older, newest].flatMap((page) => page.data.map((item) => item.body))).toEqual(['one', 'note after one', 'two', 'note after two', 'three']);
  });

  it('pushes a new note to open streams', async () => {
    const conversation = await newInboundConversation();
    const watcher = await openEventStream(ctx.url, ctx.adminJwt);
    try {
      expect(await watcher.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
      const created = await addNote(ctx.adminJwt, conversation.documentId, 'live note').expect(201);
      const event = await watcher.waitFor((candidate) => candidate.event === 'note.created', 5_000);
      expect(JSON.parse(event!.data)).toEqual({ type: 'note.created', conversationId: conversation.documentId, noteId: created.body.data.id });
    } finally {
      watcher.close();
    }
  });

  it('needs messages.send to write and messages.read to read; refuses empty notes', async () => {
    const conversation = await newInboundConversation();
    const reader = await createAdminWithActions([actionUid('messagesRead')]);
    const outsider = await createAdminWithActions([actionUid('templatesRead')]);
    expectStrapiError((await addNote(reader, conversation.documentId, 'no').expect(403)).body, 403);
    expectStrapiError((await api(outsider).get(`/whatsapp/inbox/conversations/${conversation.documentId}/notes`).expect(403)).body, 403);
    await api(reader).get(`/whatsapp/inbox/conversations/${conversation.documentId}/notes`).expect(200);
    for (const body of ['   ', 42, 'x'.repeat(4001)]) {
      expectStrapiError((await addNote(ctx.adminJwt, conversation.documentId, body).expect(400)).body, 400, 'ValidationError');
    }
    expectStrapiError((await addNote(ctx.adminJwt, 'no-such-conversation', 'hello').expect(404)).body, 404);
    expect((await adminApi().get(`/whatsapp/inbox/conversations/${conversation.documentId}/notes`).expect(200)).body.data).toEqual([]);
  });
});
