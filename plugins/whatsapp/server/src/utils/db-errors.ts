import { conflictError } from './http-error';

type PgError = { code?: string; constraint?: string };

const UNIQUE_VIOLATION = '23505';

/** Postgres gave up on the statement because of another one (deadlock, serialization): run it again. */
export const isTransientDbError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && ['40P01', '40001'].includes((error as PgError).code ?? '');

export const isUniqueViolation = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && (error as PgError).code === UNIQUE_VIOLATION;

/**
 * The Document Service checks `unique` attributes before inserting, but two requests can
 * pass that check together; the Postgres unique index then refuses one. That is a 409, not a 500.
 */
export const rethrowUniqueViolation = (error: unknown, fieldByConstraint: Record<string, string>): never => {
  if (isUniqueViolation(error)) {
    const field = (error.constraint && fieldByConstraint[error.constraint]) || undefined;
    throw conflictError(field ? `A record with this ${field} already exists` : 'This record already exists', {
      errors: field ? [{ path: [field], message: 'This attribute must be unique', name: 'ConflictError' }] : [],
    });
  }
  throw error;
};
