import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { parseBodyData, parseInput } from '../validation/parse';
import { documentIdParamsSchema } from '../validation/common';
import { assignBodySchema, autoAssignBodySchema, noteBodySchema } from './validation';
import type { NoteAuthor } from './notes';

const adminUser = (ctx: Context): NoteAuthor => {
  const user = ctx.state.user as NoteAuthor | undefined;
  if (!user?.id) throw new errors.UnauthorizedError('An admin session is required');
  return user;
};

/** The team inbox's admin routes: assignment, staff, notes and auto-assignment settings. */
export const teamInboxController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'team-inbox');

  return {
    async staff(ctx: Context) {
      ctx.body = { data: await service().assignment.staff() };
    },

    async assign(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const { assignee } = parseBodyData(assignBodySchema, ctx.request.body);
      const assignment = await service().assignment.assign(id, assignee, adminUser(ctx));
      ctx.body = { data: { documentId: assignment.documentId, assigneeId: assignment.assigneeId } };
    },

    async notes(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      ctx.body = { data: await service().notes.list(id) };
    },

    async createNote(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const { body } = parseBodyData(noteBodySchema, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().notes.create(id, adminUser(ctx), body) };
    },

    async settings(ctx: Context) {
      const [autoAssign, roles] = await Promise.all([service().assignment.settings.autoAssign(), service().assignment.roles()]);
      ctx.body = { data: autoAssign, meta: { roles } };
    },

    async updateSettings(ctx: Context) {
      const value = parseBodyData(autoAssignBodySchema, ctx.request.body);
      const roles = await service().assignment.roles();
      if (value.roleId !== null && !roles.some((role) => role.id === value.roleId)) {
        throw new errors.ValidationError('No admin role has this id', { errors: [{ path: ['roleId'], message: 'No admin role has this id', name: 'ValidationError' }] });
      }
      ctx.body = { data: await service().assignment.settings.setAutoAssign(value), meta: { roles } };
    },
  };
};
