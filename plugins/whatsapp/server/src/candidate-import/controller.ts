import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { IMPORT_RUNNING_STATES, type ImportView } from '../../../shared/candidate-import';
import { actorLabel } from '../../../shared/audit';
import { getService } from '../utils/get-service';
import { requestActor } from '../utils/request-actor';
import { documentIdParamsSchema } from '../validation/common';
import { parseBodyData, parseInput } from '../validation/parse';
import { uploadSourceOf } from './upload-source';
import { reportQuerySchema, restImportOptionsSchema, runBodySchema } from './validation';
import { IMPORT_LIMITS } from './service';

const service = (strapi: Core.Strapi) => getService(strapi, 'candidate-import').imports;

/** Who started an import, worded as the audit trail words actors. */
const whoOf = (ctx: Context): string | null => actorLabel(requestActor(ctx));

const optionalData = (body: unknown) =>
  body && typeof body === 'object' && 'data' in body ? parseBodyData(runBodySchema, body) : parseInput(runBodySchema, {});

/** The Candidates page's import flow. */
export const candidateImportAdminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async upload(ctx: Context) {
    const { fileName, source } = uploadSourceOf(ctx, { allowRawBody: false });
    ctx.status = 201;
    ctx.body = await service(strapi).upload({ fileName, source, createdBy: whoOf(ctx) });
  },
  async recent(ctx: Context) {
    ctx.body = await service(strapi).recent();
  },
  async findOne(ctx: Context) {
    ctx.body = await service(strapi).find(parseInput(documentIdParamsSchema, ctx.params).id);
  },
  async dryRun(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    ctx.body = await service(strapi).dryRun(id, optionalData(ctx.request.body).mapping);
  },
  async commit(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    ctx.body = await service(strapi).commit(id, optionalData(ctx.request.body).mapping);
  },
  async rows(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    ctx.body = await service(strapi).rows(id, parseInput(reportQuerySchema, ctx.query));
  },
});

/** What the REST API shows of an import. */
const restView = (view: ImportView) => ({
  id: view.id,
  dryRun: !view.commit,
  state: view.state,
  counts: view.counts,
  fileName: view.fileName,
  format: view.format,
  byteSize: view.byteSize,
  bytesProcessed: view.bytesProcessed,
  rowsProcessed: view.rowsProcessed,
  mapping: view.mapping,
  error: view.error,
  createdAt: view.createdAt,
  finishedAt: view.finishedAt,
});

/** `POST /candidates/import` and the import's status and report for other apps. */
export const candidateImportController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Uploads, runs (a dry run with `dryRun=true`) and answers the report when the run ends; a run
   * still going after a while is answered 202 with its id, to follow with `GET /candidate-imports/:id`.
   */
  async import(ctx: Context) {
    const fields = ctx.is('multipart') ? ((ctx.request as { body?: Record<string, unknown> }).body ?? {}) : {};
    const options = parseInput(restImportOptionsSchema, { ...ctx.query, ...fields });
    const { fileName, source } = uploadSourceOf(ctx, { allowRawBody: true });
    const imports = service(strapi);
    const uploaded = await imports.upload({ fileName, source, createdBy: whoOf(ctx) });
    let started: ImportView;
    try {
      started = options.dryRun ? await imports.dryRun(uploaded.id, options.mapping) : await imports.commit(uploaded.id, options.mapping);
    } catch (error) {
      await imports.discard(uploaded.id);
      throw error;
    }
    const view = await imports.waitForRun(started.id);
    const running = IMPORT_RUNNING_STATES.includes(view.state);
    const report = running ? { results: [], pagination: { total: 0 } } : await imports.rows(view.id, { page: 1, pageSize: IMPORT_LIMITS.restRows });
    ctx.status = running ? 202 : 200;
    ctx.body = {
      data: { ...restView(view), rows: report.results },
      meta: { rows: { total: report.pagination.total, returned: report.results.length } },
    };
  },
  async findOne(ctx: Context) {
    ctx.body = { data: restView(await service(strapi).find(parseInput(documentIdParamsSchema, ctx.params).id)) };
  },
  async rows(ctx: Context) {
    const { id } = parseInput(documentIdParamsSchema, ctx.params);
    const page = await service(strapi).rows(id, parseInput(reportQuerySchema, flatPagination(ctx.query)));
    ctx.body = { data: page.results, meta: { pagination: page.pagination } };
  },
});

/** Strapi's `pagination[page]`/`pagination[pageSize]` and a plain `outcome`, as the report query. */
const flatPagination = (query: Record<string, unknown>) => {
  const pagination = (query.pagination ?? {}) as Record<string, unknown>;
  return {
    ...(pagination.page !== undefined ? { page: pagination.page } : {}),
    ...(pagination.pageSize !== undefined ? { pageSize: pagination.pageSize } : {}),
    ...(query.outcome !== undefined ? { outcome: query.outcome } : {}),
  };
};
