import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { documentIdParamsSchema } from '../validation/common';
import { parseBodyData, parseInput } from '../validation/parse';
import { noQuerySchema, syncRequestSchema, toSyncScope } from './validation';

/** An empty POST is `{}` to koa-body: the same as `{ data: {} }` (everything pending). */
const optionalBody = (body: unknown) =>
  body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0) ? { data: {} } : body;

/** Status sync (REST and admin): request a run, follow runs, see what is still pending or stuck. */
export const statusSyncController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `POST /sync-status` → 202 with the run queued, or the run of the same scope already under way. */
  async start(ctx: Context) {
    const input = parseBodyData(syncRequestSchema, optionalBody(ctx.request.body));
    const { run, alreadyRunning } = await getService(strapi, 'status-sync').sync.request(toSyncScope(input));
    ctx.status = 202;
    ctx.body = {
      data: { runId: run.id, alreadyRunning, state: run.state, scope: run.scope, trigger: run.trigger, requestedAt: run.requestedAt },
      meta: {},
    };
  },

  /** `GET /sync-status`: the current run, the last runs, messages awaiting a final status, stuck messages. */
  async find(ctx: Context) {
    parseInput(noQuerySchema, ctx.query, 'GET /sync-status takes no query parameters');
    ctx.body = { data: await getService(strapi, 'status-sync').sync.overview(), meta: {} };
  },

  /** `GET /sync-status/:id`: one run. */
  async findOne(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    parseInput(noQuerySchema, ctx.query, 'GET /sync-status/:id takes no query parameters');
    ctx.body = { data: await getService(strapi, 'status-sync').sync.findRun(id), meta: {} };
  },
});
