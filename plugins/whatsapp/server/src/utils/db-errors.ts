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

/**
 * PostgreSQL refused a value the query compared or stored (class 22, data exception: `abc` for
 * an integer, a date out of range…) or an operator its column's type lacks (42883): the
 * client's input, a 400. The query validation stops these first; this is the last line.
 */
export const isInvalidInputDbError = (error: unknown): boolean => {
  const code = typeof error === 'object' && error !== null ? (error as PgError).code : undefined;
  return typeof code === 'string' && code.length === 5 && (code.startsWith('22') || code === '42883');
};
