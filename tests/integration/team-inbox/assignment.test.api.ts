import { actionUid } from '../../../plugins/whatsapp/shared/permissions';
import { adminApi, api, ctx, expectStrapiError } from '../helpers/api';
import { createAdminWithActions } from '../helpers/admin-users';
import { openEventStream } from '../helpers/event-stream';
import { INBOUND_PATH, inboundParams, postSigned } from '../webhook/support';
import { assigneeOf, createTeam, newInboundConversation, type Staff } from './support';

const READ = actionUid('messagesRead');
const ASSIGN = actionUid('conversationsAssign');

const counts = async (token: string) => (await api(token).get('/whatsapp/inbox/conversations/counts').expect(200)).body.data as { mine: number; unassigned: number; all: number };
const listIds = async (token: string, assignee: string) => {
  const response = await api(token).get(`/whatsapp/inbox/conversations?assignee=${assignee}&pageSize=100`).expect(200);
  return (response.body.data as Array<{ documentId: string }>).map((conversation) => conversation.documentId);
};
const assign = (token: string, conversation: string, assignee: number | null) =>
  api(token).put(`/whatsapp/inbox/conversations/${conversation}/assignee`).send({ data: { assignee } });

describe('team inbox: assignment', () => {
  let first: Staff;
  let second: Staff;

  beforeAll(async () => {
    const team = await createTeam([READ, ASSIGN], 2);
    [first, second] = team.members as [Staff, Staff];
  });

  it('lists the active admins as assignable staff, by name', async () => {
    const response = await api(first.token).get('/whatsapp/team-inbox/staff').expect(200);
    const staff = response.body.data as Array<{ id: number; name: string }>;
    expect(staff).toEqual(expect.arrayContaining([{ id: first.id, name: 'Staff Member 1' }, { id: second.id, name: 'Staff Member 2' }]));
    expect(Object.keys(staff[0]!).sort()).toEqual(['id', 'name']);
  });

  it('assigns and unassigns, and Mine / Unassigned / All count and list accordingly for each admin', async () => {
    const conversation = await newInboundConversation();
    expect(await assigneeOf(conversation.documentId)).toBeNull();
    const before = { first: await counts(first.token), second: await counts(second.token) };
    expect(await listIds(first.token, 'unassigned')).toContain(conversation.documentId);

    const answer = await assign(first.token, conversation.documentId, first.id).expect(200);
    expect(answer.body.data).toEqual({ documentId: conversation.documentId, assigneeId: first.id });
    const after = { first: await counts(first.token), second: await counts(second.token) };
    expect(after.first.mine).toBe(before.first.mine + 1);
    expect(after.second.mine).toBe(before.second.mine);
    expect(after.first.unassigned).toBe(before.first.unassigned - 1);
    expect(after.first.all).toBe(before.first.all);
    expect(await listIds(first.token, 'mine')).toContain(conversation.documentId);
    expect(await listIds(second.token, 'mine')).not.toContain(conversation.documentId);
    expect(await listIds(first.token, 'unassigned')).not.toContain(conversation.documentId);
    expect(await listIds(second.token, 'all')).toContain(conversation.documentId);

    // The list row names the assignee.
    const searched = await api(second.token).get(`/whatsapp/inbox/conversations?search=${encodeURIComponent(conversation.phone)}`).expect(200);
    expect(searched.body.data[0]).toMatchObject({ documentId: conversation.documentId, assignee: { id: first.id, name: 'Staff Member 1' } });

    // Reassigned to the second admin, then to nobody.
    await assign(first.token, conversation.documentId, second.id).expect(200);
    expect(await listIds(first.token, 'mine')).not.toContain(conversation.documentId);
    expect(await listIds(second.token, 'mine')).toContain(conversation.documentId);
    await assign(second.token, conversation.documentId, null).expect(200);
    expect(await assigneeOf(conversation.documentId)).toBeNull();
    expect(await counts(first.token)).toEqual(before.first);
  });

  it('refuses to assign without conversations.assign (403), and bad input with a 400', async () => {
    const conversation = await newInboundConversation();
    const readOnly = await createAdminWithActions([READ]);
    const denied = await assign(readOnly, conversation.documentId, null).expect(403);
    expectStrapiError(denied.body, 403);
    expect(await assigneeOf(conversation.documentId)).toBeNull();
    // Reading the tabs needs messages.read only.
    await api(readOnly).get('/whatsapp/inbox/conversations/counts').expect(200);

    for (const body of [{ data: { assignee: 'someone' } }, { data: {} }, { assignee: first.id }, { data: { assignee: 999_999 } }]) {
      const response = await api(first.token).put(`/whatsapp/inbox/conversations/${conversation.documentId}/assignee`).send(body).expect(400);
      expectStrapiError(response.body, 400, 'ValidationError');
    }
    expectStrapiError((await assign(first.token, 'no-such-conversation', first.id).expect(404)).body, 404);
    await api(first.token).get('/whatsapp/inbox/conversations?assignee=someone').expect(400);
  });

  it('tells every open stream, on the spot, when a conversation is assigned', async () => {
    const conversation = await newInboundConversation();
    const watcher = await openEventStream(ctx.url, second.token);
    try {
      expect(await watcher.waitFor((event) => event.event === 'ready', 5_000)).not.toBeNull();
      await assign(first.token, conversation.documentId, first.id).expect(200);
      const event = await watcher.waitFor(
        (candidate) => candidate.event === 'conversation.assigned' && (JSON.parse(candidate.data) as { conversationId: string }).conversationId === conversation.documentId,
        5_000
      );
      expect(event).not.toBeNull();
      expect(JSON.parse(event!.data)).toMatchObject({ type: 'conversation.assigned', assigneeId: first.id, previousAssigneeId: null, by: `admin:${first.id}` });
    } finally {
      watcher.close();
    }
  });
});

describe('team inbox: auto-assignment', () => {
  let team: { roleId: number; members: Staff[] };

  beforeAll(async () => {
    team = await createTeam([READ, ASSIGN], 3);
  });

  afterAll(async () => {
    await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: false, roleId: null } });
  });

  it('is off by default: a new conversation arrives unassigned', async () => {
    const settings = await adminApi().get('/whatsapp/team-inbox/settings').expect(200);
    expect(settings.body.data).toEqual({ enabled: false, roleId: null });
    expect(settings.body.meta.roles).toEqual(expect.arrayContaining([{ id: team.roleId, name: expect.any(String), activeUsers: 3 }]));
    const conversation = await newInboundConversation();
    expect(await assigneeOf(conversation.documentId)).toBeNull();
  });

  it('needs settings.update to change, and a role to turn on', async () => {
    const reader = await createAdminWithActions([actionUid('settingsRead')]);
    await api(reader).get('/whatsapp/team-inbox/settings').expect(200);
    expectStrapiError((await api(reader).put('/whatsapp/team-inbox/settings').send({ data: { enabled: true, roleId: team.roleId } }).expect(403)).body, 403);
    expectStrapiError((await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: true, roleId: null } }).expect(400)).body, 400, 'ValidationError');
    expectStrapiError((await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: true, roleId: 987_654 } }).expect(400)).body, 400, 'ValidationError');
  });

  it('gives new inbound conversations to the role’s active admins in turn, and leaves existing ones alone', async () => {
    await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: true, roleId: team.roleId } }).expect(200);
    const ids = team.members.map((member) => member.id).sort((a, b) => a - b);
    const assignees: Array<number | null> = [];
    for (let index = 0; index < 6; index += 1) assignees.push(await assigneeOf((await newInboundConversation(`auto ${index}`)).documentId));
    // Every admin once per round, in the same order both rounds.
    expect([...assignees.slice(0, 3)].sort()).toEqual([...ids].sort());
    expect(assignees.slice(3)).toEqual(assignees.slice(0, 3));

    // A message in an existing conversation changes nothing.
    const existing = await newInboundConversation('first');
    await assign(team.members[0]!.token, existing.documentId, null).expect(200);
    expect((await postSigned(INBOUND_PATH, inboundParams({ From: existing.phone, Body: 'again' }))).status).toBe(200);
    expect(await assigneeOf(existing.documentId)).toBeNull();
  });

  it('takes turns correctly when conversations arrive at once (the turn lives in the database)', async () => {
    await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: true, roleId: team.roleId } }).expect(200);
    const conversations = await Promise.all(Array.from({ length: 9 }, (_, index) => newInboundConversation(`burst ${index}`)));
    const assignees = await Promise.all(conversations.map((conversation) => assigneeOf(conversation.documentId)));
    const perAdmin = new Map<number | null, number>();
    for (const assignee of assignees) perAdmin.set(assignee, (perAdmin.get(assignee) ?? 0) + 1);
    expect([...perAdmin.keys()].sort()).toEqual(team.members.map((member) => member.id).sort());
    expect([...perAdmin.values()]).toEqual([3, 3, 3]);
  });

  it('turned off again, leaves new conversations unassigned', async () => {
    await adminApi().put('/whatsapp/team-inbox/settings').send({ data: { enabled: false, roleId: team.roleId } }).expect(200);
    expect(await assigneeOf((await newInboundConversation()).documentId)).toBeNull();
  });
});
