import { describe, expect, it } from '@jest/globals';
import { databaseClientProblem } from '../database-client';

describe('databaseClientProblem', () => {
  it.each(['postgres', 'postgresql', 'pg'])('accepts %s', (client) => {
    expect(databaseClientProblem(client)).toBeNull();
  });

  it.each([['sqlite'], ['mysql'], [undefined]])('names the configured client %s and the fix', (client) => {
    const problem = databaseClientProblem(client);
    expect(problem).toContain(`connection.client to ${JSON.stringify(client ?? null)}`);
    expect(problem).toContain("Set connection.client to 'postgres'");
  });
});
