import { conflictError } from '../utils/http-error';

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

// Socket failures: the server is down, restarting or cut off.
const UNREACHABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// SQLSTATE: class 08 (connection exception), and the server shutting down or still starting.
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
// What `pg` and knex say when a connection dies under them or none can be had; they carry no code.
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /Connection ended unexpectedly/i,
  /connection error and is not queryable/i,
  /Timeout acquiring a connection/i,
  /server closed the connection unexpectedly/i,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up)/i,
];

/**
 * Whether `error` says the database cannot be reached at all (as opposed to refusing one
 * statement): the caller's work may succeed once it is back. Looks through `cause` and the
 * `errors` of an AggregateError (a refused connection to each address of a host).
 */
export const isDatabaseUnreachable = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_NETWORK_CODES.has(code) || UNREACHABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (cause !== undefined && isDatabaseUnreachable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner, depth + 1));
};

/** A short name for the log: the code when there is one (ECONNREFUSED, 57P01), else the message. */
export const unreachableReason = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && code) return code;
  return typeof message === 'string' && message ? message.split('\n')[0]!.slice(0, 120) : 'unknown error';
};
