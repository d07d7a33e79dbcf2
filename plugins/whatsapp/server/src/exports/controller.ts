import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { parseInput } from '../validation/parse';
import type { CsvFile } from './service';
import { candidatesExportQuerySchema, messagesExportQuerySchema, recipientsExportQuerySchema } from './validation';

/** Answers with the file: a download (attachment) of UTF-8 CSV, streamed. */
const sendCsv = (ctx: Context, file: CsvFile) => {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
  // A proxy must not hold the whole file back to compress or cache it.
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Accel-Buffering', 'no');
  ctx.body = file.stream;
};

/** CSV exports (REST content API and admin). */
export const exportsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'exports').csv;
  return {
    async campaignRecipients(ctx: Context) {
      sendCsv(ctx, await service().campaignRecipients(parseInput(recipientsExportQuerySchema, ctx.query)));
    },
    async messages(ctx: Context) {
      sendCsv(ctx, await service().messages(parseInput(messagesExportQuerySchema, ctx.query)));
    },
    async candidates(ctx: Context) {
      sendCsv(ctx, await service().candidates(parseInput(candidatesExportQuerySchema, ctx.query)));
    },
  };
};
