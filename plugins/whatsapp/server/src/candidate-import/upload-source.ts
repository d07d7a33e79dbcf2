import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/** The file of a request: its name and its bytes as a stream. */
export type UploadSource = { fileName: string; source: AsyncIterable<Buffer | string> };

type MultipartFile = { filepath: string; originalFilename?: string | null; size: number };

const noFile = (): never => {
  const message = 'Send the file as the multipart field "file" (or as the request body)';
  throw new errors.ValidationError(message, { errors: [{ path: ['file'], message, name: 'ValidationError' }] });
};

/**
 * Where the file is in a request. Strapi's body parser has already streamed a multipart file to a
 * temporary file on disk (it removes it after the response) and read a `text/*` body into a string;
 * any other body (a workbook, `application/octet-stream`) is still unread and streams from the socket.
 */
export const uploadSourceOf = (ctx: Context, options: { allowRawBody: boolean }): UploadSource => {
  const files = (ctx.request as { files?: Record<string, MultipartFile | MultipartFile[]> }).files;
  if (ctx.is('multipart')) {
    const field = files?.file;
    const file = Array.isArray(field) ? field[0] : field;
    if (!file) return noFile();
    return { fileName: file.originalFilename ?? 'import', source: createReadStream(file.filepath) };
  }
  if (!options.allowRawBody) return noFile();
  const fileName = typeof ctx.query.fileName === 'string' ? ctx.query.fileName : 'import';
  const body = (ctx.request as { body?: unknown }).body;
  if (typeof body === 'string') return { fileName, source: Readable.from([body]) };
  // No Content-Length is a chunked body: it streams like any other (an empty one is refused as empty).
  if (ctx.req.readableEnded || ctx.request.length === 0) return noFile();
  return { fileName, source: ctx.req };
};
