import { isDatabaseUnreachable, unreachableReason } from '../db-errors';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it('knows a refused, reset or timed-out socket, and Postgres shutting down or not yet up', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08001']) {
      expect(isDatabaseUnreachable(withCode('x', code))).toBe(true);
    }
  });

  it('knows what pg and knex say without a code', () => {
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Connection ended unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('error: terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('the database system is shutting down'))).toBe(true);
  });

  it('looks through cause and the errors of an AggregateError (one per address of a host)', () => {
    expect(isDatabaseUnreachable(new Error('query failed', { cause: withCode('connect', 'ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([withCode('a', 'ECONNREFUSED'), withCode('b', 'ECONNREFUSED')]))).toBe(true);
  });

  it('is not fooled by a statement the database refused', () => {
    for (const code of ['23505', '40P01', '42P01', '22P02']) expect(isDatabaseUnreachable(withCode('x', code))).toBe(false);
    expect(isDatabaseUnreachable(new Error('relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});

describe('unreachableReason', () => {
  it('names the code when there is one, else the first line of the message', () => {
    expect(unreachableReason(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(unreachableReason(new Error('Connection terminated unexpectedly\nmore'))).toBe('Connection terminated unexpectedly');
  });
});
