/** The team inbox's wire types: assignment, staff, internal notes, auto-assignment settings. */

/** The Inbox's list filters: the viewer's own conversations, nobody's, or every one. */
export const ASSIGNEE_FILTERS = ['mine', 'unassigned', 'all'] as const;
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

/** An admin user conversations can be assigned to (GET /whatsapp/team-inbox/staff). */
export type StaffMember = { id: number; name: string };

/** GET /whatsapp/inbox/conversations/counts. */
export type AssigneeCounts = Record<AssigneeFilter, number>;

/** A note staff leave in a thread: never sent to WhatsApp. */
export type ConversationNote = {
  kind: 'note';
  id: number;
  body: string;
  author: { id: number | null; name: string };
  createdAt: string;
};

/** Staff notes are short remarks, not documents. */
export const NOTE_BODY_MAX = 4000;

/** GET|PUT /whatsapp/team-inbox/settings: round-robin among the active admins of one role, off by default. */
export type AutoAssignSettings = { enabled: boolean; roleId: number | null };

/** A role new conversations can be shared among (its active admins). */
export type AssignableRole = { id: number; name: string; activeUsers: number };
