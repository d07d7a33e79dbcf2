import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PLAIN_TABLE, REALTIME_CHANNEL } from '../constants';
import { TABLE, assignConversationSql } from '../database/strapi-tables';
import { ADMIN_TABLE, adminNameSql } from '../database/admin-users';

type Row = Record<string, unknown>;

const { users: ADMIN_USERS, roles: ADMIN_ROLES, userRoles: ADMIN_USER_ROLES } = ADMIN_TABLE;

/** Active, unblocked admins (of one role, when given): who may be assigned conversations. */
const activeStaffSql = (byRole: boolean) => `
  SELECT u.id, ${adminNameSql('u')} AS name FROM ${ADMIN_USERS} u
   WHERE u.is_active = true AND u.blocked IS NOT TRUE
     ${byRole ? `AND EXISTS (SELECT 1 FROM ${ADMIN_USER_ROLES} r WHERE r.user_id = u.id AND r.role_id = CAST(? AS integer))` : ''}`;

/**
 * The next admin of the role after the one served last (by id, wrapping), recorded in the same
 * statement. `ON CONFLICT DO UPDATE` locks the role's row and reads its latest value, so two
 * instances assigning at once get two different turns; null when the role has no active admin.
 */
const takeTurnSql = `
  WITH staff AS (${activeStaffSql(true)})
  INSERT INTO ${PLAIN_TABLE.assignmentTurn} AS t (role_id, last_admin_id, updated_at)
  SELECT CAST(? AS integer), min(id), now() FROM staff HAVING count(*) > 0
  ON CONFLICT (role_id) DO UPDATE SET
    last_admin_id = COALESCE((SELECT min(id) FROM staff WHERE id > t.last_admin_id), (SELECT min(id) FROM staff)),
    updated_at = now()
  RETURNING last_admin_id`;

const notify = (trx: Knex | Knex.Transaction, payload: Record<string, unknown>) =>
  trx.raw('SELECT pg_notify(?, ?)', [REALTIME_CHANNEL, JSON.stringify(payload)]);

export type Assignment = { conversationId: number; documentId: string; assigneeId: number | null; previousAssigneeId: number | null };

const assignmentOf = (row: Row): Assignment => ({
  conversationId: Number(row.id),
  documentId: String(row.document_id),
  assigneeId: row.assignee_id === null ? null : Number(row.assignee_id),
  previousAssigneeId: row.previous_assignee_id === null ? null : Number(row.previous_assignee_id),
});

export const createTeamInboxRepository = (strapi: Core.Strapi) => {
  const db = () => strapi.db.connection as Knex;
  const rows = async (runner: Knex | Knex.Transaction, sql: string, bindings: unknown[]): Promise<Row[]> =>
    (await runner.raw(sql, bindings as Knex.RawBinding[])).rows as Row[];

  const assignIn = async (trx: Knex.Transaction, documentId: string, assigneeId: number | null, options: { onlyUnassigned?: boolean; by: string }) => {
    const [row] = await rows(trx, assignConversationSql({ onlyUnassigned: options.onlyUnassigned }), [assigneeId, new Date(), documentId]);
    if (!row) return null;
    const assignment = assignmentOf(row);
    // Delivered on commit, to every instance's open streams.
    await notify(trx, {
      type: 'conversation.assigned',
      conversationId: assignment.documentId,
      assigneeId: assignment.assigneeId,
      previousAssigneeId: assignment.previousAssigneeId,
      by: options.by,
    });
    return assignment;
  };

  return {
    async activeStaff(roleId?: number): Promise<Array<{ id: number; name: string }>> {
      const found = await rows(db(), `${activeStaffSql(roleId !== undefined)} ORDER BY 2, 1`, roleId !== undefined ? [roleId] : []);
      return found.map((row) => ({ id: Number(row.id), name: String(row.name) }));
    },

    async isActiveStaff(id: number): Promise<boolean> {
      return (await rows(db(), `${activeStaffSql(false)} AND u.id = ?`, [id])).length > 0;
    },

    async roles(): Promise<Array<{ id: number; name: string; activeUsers: number }>> {
      const found = await rows(
        db(),
        `SELECT r.id, r.name,
                (SELECT count(*)::int FROM ${ADMIN_USER_ROLES} l JOIN ${ADMIN_USERS} u ON u.id = l.user_id
                  WHERE l.role_id = r.id AND u.is_active = true AND u.blocked IS NOT TRUE) AS active_users
           FROM ${ADMIN_ROLES} r ORDER BY r.id`,
        []
      );
      return found.map((row) => ({ id: Number(row.id), name: String(row.name), activeUsers: Number(row.active_users) }));
    },

    /** Sets (or clears) a conversation's assignee and announces it; null when there is no such conversation. */
    assign: (documentId: string, assigneeId: number | null, by: string) =>
      db().transaction((trx) => assignIn(trx, documentId, assigneeId, { by })),

    /**
     * Gives an unassigned conversation to the next active admin of the role. The turn and the
     * assignment commit together: a turn is never spent on a conversation left unassigned.
     * 'taken': it was assigned already; null: the role has no active admin.
     */
    autoAssign: (documentId: string, roleId: number) =>
      db().transaction(async (trx) => {
        // Locked first: a conversation already assigned (or gone) spends no turn.
        const [open] = await rows(trx, `SELECT id FROM ${TABLE.conversation} WHERE document_id = ? AND assignee_id IS NULL FOR UPDATE`, [documentId]);
        if (!open) return 'taken' as const;
        const [turn] = await rows(trx, takeTurnSql, [roleId, roleId]);
        if (!turn) return null;
        return assignIn(trx, documentId, Number(turn.last_admin_id), { onlyUnassigned: true, by: 'auto' });
      }),

    async insertNote(conversationId: number, conversationDocumentId: string, author: { id: number; name: string }, body: string): Promise<Row> {
      return db().transaction(async (trx) => {
        const [note] = await rows(
          trx,
          `INSERT INTO ${PLAIN_TABLE.conversationNote} (conversation_id, author_id, author_name, body, created_at)
           VALUES (?, ?, ?, ?, CAST(? AS timestamp)) RETURNING *`,
          [conversationId, author.id, author.name, body, new Date()]
        );
        await notify(trx, { type: 'note.created', conversationId: conversationDocumentId, noteId: Number(note!.id) });
        return note!;
      });
    },

    /** A conversation's notes written in [from, to) (either end open when null), oldest first. */
    notesBetween: (conversationId: number, from: Date | string | null, to: Date | string | null) => {
      const conditions = ['conversation_id = ?'];
      const bindings: unknown[] = [conversationId];
      if (from) {
        conditions.push('created_at >= CAST(? AS timestamp)');
        bindings.push(from);
      }
      if (to) {
        conditions.push('created_at < CAST(? AS timestamp)');
        bindings.push(to);
      }
      return rows(db(), `SELECT * FROM ${PLAIN_TABLE.conversationNote} WHERE ${conditions.join(' AND ')} ORDER BY created_at, id LIMIT 1000`, bindings);
    },

    async conversationId(documentId: string): Promise<number | null> {
      const [row] = await rows(db(), `SELECT id FROM ${TABLE.conversation} WHERE document_id = ?`, [documentId]);
      return row ? Number(row.id) : null;
    },
  };
};
