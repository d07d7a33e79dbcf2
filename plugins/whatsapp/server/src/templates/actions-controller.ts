import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { actionUid } from '../../../shared/permissions';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { documentIdParamsSchema } from '../validation/common';
import { parseBodyData, parseInput } from '../validation/parse';
import { templateAdminListSchema, templatePreviewSchema, templateSubmitSchema } from './actions-validation';

type Ability = { can(action: string, subject?: string): boolean };
type RouteState = { route?: { info?: { type?: string } }; auth?: unknown; userAbility?: Ability };

/** An empty POST is `{}` to koa-body; `{ data }` is only required when something is sent. */
const optionalBody = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0) ? { data: {} } : body;

/** Templates: sync from Twilio, submit for approval, preview (REST and admin). */
export const templateActionsController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The content API shows what the caller's permissions allow; admins see the whole template. */
  const present = async (ctx: Context, template: unknown) => {
    const state = ctx.state as RouteState;
    if (state.route?.info?.type === 'admin') return template;
    return strapi.contentAPI.sanitize.output(template as Record<string, unknown>, strapi.getModel(UID.template), { auth: state.auth });
  };

  /**
   * Previewing for a candidate shows that candidate's fields, so the caller must be allowed to
   * read candidates too: `candidate.findOne` on the content API; in the admin, the inbox or the
   * candidates in the Content Manager.
   */
  const assertMayReadCandidates = async (ctx: Context) => {
    const state = ctx.state as RouteState;
    if (state.route?.info?.type === 'admin') {
      const ability = state.userAbility;
      const allowed =
        ability?.can(actionUid('messagesRead')) || ability?.can('plugin::content-manager.explorer.read', UID.candidate);
      if (!allowed) throw new errors.ForbiddenError('Previewing for a candidate needs permission to read candidates');
      return;
    }
    await strapi.auth.verify(state.auth as never, { scope: [`${UID.candidate}.findOne`] } as never);
  };

  return {
    async sync(ctx: Context) {
      ctx.body = { data: await getService(strapi, 'templates').sync.run({ trigger: 'manual' }) };
    },

    async submit(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const extras = parseBodyData(templateSubmitSchema, optionalBody(ctx.request.body));
      const template = await getService(strapi, 'templates').submit.submit(id, extras);
      ctx.body = { data: await present(ctx, template), meta: {} };
    },

    async preview(ctx: Context) {
      const { id } = parseInput(documentIdParamsSchema, ctx.params);
      const input = parseBodyData(templatePreviewSchema, optionalBody(ctx.request.body));
      if (input.candidate) await assertMayReadCandidates(ctx);
      ctx.body = { data: await getService(strapi, 'templates').preview.preview(id, input) };
    },

    /** The admin Templates page's list (the Content Manager keeps create and edit). */
    async adminFind(ctx: Context) {
      const query = parseInput(templateAdminListSchema, ctx.query);
      ctx.body = await getService(strapi, 'templates').admin.list(query);
    },
  };
};
