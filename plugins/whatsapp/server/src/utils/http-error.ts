import { errors } from '@strapi/utils';

/**
 * A 4xx answered in Strapi's error shape `{ data: null, error: { status, name, message, details } }`.
 *
 * Strapi's error middleware maps ApplicationError subclasses to a fixed set of statuses
 * (400/401/403/404/413/429/501); anything else must be an http-errors HttpError. Several
 * copies of http-errors are installed, so instead of importing one we hang this class under
 * the very HttpError that @strapi/utils checks with `instanceof`.
 */
export class HttpStatusError extends Error {
  readonly status: number;
  readonly statusCode: number;
  readonly expose = true;
  readonly details: Record<string, unknown>;

  constructor(status: number, name: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    this.status = status;
    this.statusCode = status;
    this.details = details;
  }
}
Object.setPrototypeOf(HttpStatusError.prototype, errors.HttpError.prototype);

export const conflictError = (message: string, details: Record<string, unknown> = {}) =>
  new HttpStatusError(409, 'ConflictError', message, details);

/** 422: the request is well formed but a business rule refuses it (`details.code` says which). */
export const unprocessableError = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new HttpStatusError(422, 'UnprocessableEntityError', message, { code, ...details });
