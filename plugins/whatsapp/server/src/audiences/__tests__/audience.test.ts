import { isEmptyAudience, normalizeAudience } from '../audience';
import { audienceCondition } from '../audience-sql';
import { compileCandidateFilters } from '../filters-sql';
import { audienceSchema } from '../schema';

describe('normalizeAudience', () => {
  it('reads the original shape (tags: any of) and tag rules alike', () => {
    expect(normalizeAudience({ candidates: ['a', 'a', ' '], tags: ['x', 'y'] })).toEqual({ candidates: ['a'], anyOf: ['x', 'y'], allOf: [], noneOf: [], filters: null });
    expect(normalizeAudience({ tags: { allOf: ['x'], noneOf: ['z'] }, filters: {} })).toEqual({ candidates: [], anyOf: [], allOf: ['x'], noneOf: ['z'], filters: null });
    expect(normalizeAudience(null)).toEqual({ candidates: [], anyOf: [], allOf: [], noneOf: [], filters: null });
  });

  it('is empty only with neither candidates nor a rule', () => {
    expect(isEmptyAudience(normalizeAudience({ candidates: [], tags: [] }))).toBe(true);
    expect(isEmptyAudience(normalizeAudience({ tags: { noneOf: ['x'] } }))).toBe(false);
    expect(isEmptyAudience(normalizeAudience({ filters: { optIn: 'opted_in' } }))).toBe(false);
  });
});

describe('audience SQL', () => {
  it('chosen candidates OR every rule together, values bound', () => {
    const condition = audienceCondition(normalizeAudience({ candidates: ['d1'], tags: { anyOf: ['a', 'b'], allOf: ['c'] }, filters: { optIn: 'opted_in' } }));
    expect(condition.sql).toBe(
      '(c.document_id = ANY(CAST(? AS varchar[]))) OR (((c.tags @> CAST(? AS jsonb)) OR (c.tags @> CAST(? AS jsonb))) AND (c.tags @> CAST(? AS jsonb)) AND ((c.opt_in = ?)))'
    );
    expect(condition.bindings).toEqual([['d1'], '["a"]', '["b"]', '["c"]', 'opted_in']);
  });

  it('matches nobody when nothing is chosen', () => {
    expect(audienceCondition(normalizeAudience({})).sql).toBe('FALSE');
  });
});

describe('compileCandidateFilters', () => {
  it('compiles fields, attributes (numbers as numbers) and groups', () => {
    const fragment = compileCandidateFilters(
      { $or: [{ name: { $containsi: '50%' } }, { attributes: { year: { $gte: 2026 }, city: 'Pune' } }], lastInboundAt: { $gt: '2026-01-01' } },
      ['filters']
    );
    expect(fragment.bindings).toEqual(['%50\\%%', 2026, 'Pune', '2026-01-01T00:00:00.000Z']);
    expect(fragment.sql).toContain('c.name::text ILIKE ?');
    expect(fragment.sql).toContain("(c.attributes ->> 'year')::numeric END) >= ?::numeric");
    expect(fragment.sql).toContain('c.last_inbound_at > ?::timestamptz');
  });

  it.each([
    [{ salary: 1 }, ['filters', 'salary']],
    [{ name: { $regex: 'x' } }, ['filters', 'name', '$regex']],
    [{ optIn: 'maybe' }, ['filters', 'optIn', '$eq']],
    [{ createdAt: { $lt: 'soon' } }, ['filters', 'createdAt', '$lt']],
    [{ attributes: { "a'b": 'x' } }, ['filters', 'attributes', "a'b"]],
    [{ $or: { name: 'x' } }, ['filters', '$or']],
  ])('refuses %j at its path', (filters, path) => {
    expect(() => compileCandidateFilters(filters, ['filters'])).toThrow(expect.objectContaining({ name: 'ValidationError', details: { errors: [expect.objectContaining({ path })] } }));
  });

  it('is checked when an audience is validated', () => {
    const result = audienceSchema.safeParse({ tags: ['a'], filters: { nope: 1 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['filters', 'nope']);
    expect(audienceSchema.parse({ tags: ['a'] })).toEqual({ candidates: [], tags: ['a'] });
  });
});
