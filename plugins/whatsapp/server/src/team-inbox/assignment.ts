import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createTeamInboxRepository } from './sql';
import { createTeamInboxSettingsService } from './settings';

/** Who a change was made by, as stream events name it. */
const actorOf = (user: { id: number }) => `admin:${user.id}`;

/** Assigning conversations to admin users, by hand and, when turned on, round-robin as they arrive. */
export const createAssignmentService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = () => createTeamInboxRepository(strapi);
  const settings = createTeamInboxSettingsService({ strapi });

  return {
    settings,

    /** Active admin users, by name: who a conversation can be assigned to. */
    staff: () => repository().activeStaff(),

    roles: () => repository().roles(),

    /** Assigns a conversation to an active admin (null: unassigns it). */
    async assign(documentId: string, assigneeId: number | null, by: { id: number }) {
      if (assigneeId !== null && !(await repository().isActiveStaff(assigneeId))) {
        throw new errors.ValidationError('The assignee must be an active admin user', {
          errors: [{ path: ['assignee'], message: 'No active admin user has this id', name: 'ValidationError' }],
        });
      }
      const assignment = await repository().assign(documentId, assigneeId, actorOf(by));
      if (!assignment) throw new errors.NotFoundError('Conversation not found');
      return assignment;
    },

    /**
     * A new inbound conversation, given to the next admin of the chosen role when auto-assignment
     * is on. Never fails the webhook that created it: a failure is logged and it stays unassigned.
     */
    async autoAssign(documentId: string) {
      try {
        const { enabled, roleId } = await settings.autoAssign();
        if (!enabled || roleId === null) return null;
        const assignment = await repository().autoAssign(documentId, roleId);
        if (assignment === 'taken') return null;
        if (!assignment) strapi.log.warn(`[whatsapp] auto-assignment: the chosen role (${roleId}) has no active admin; conversation ${documentId} stays unassigned`);
        return assignment;
      } catch (error) {
        strapi.log.error(`[whatsapp] auto-assignment of conversation ${documentId} failed: ${(error as Error).message}`);
        return null;
      }
    },
  };
};

export type AssignmentService = ReturnType<typeof createAssignmentService>;
