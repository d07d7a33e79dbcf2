import { hasRules, type Audience } from './audience';
import { compileCandidateFilters, type SqlFragment } from './filters-sql';

/**
 * An audience as one condition on the candidates table (alias `c`). Tags are matched with jsonb
 * containment (`@>`), which the GIN index on `tags` serves.
 */
const hasTag = (tag: string): SqlFragment => ({ sql: 'c.tags @> CAST(? AS jsonb)', bindings: [JSON.stringify([tag])] });

const joined = (parts: SqlFragment[], glue: 'AND' | 'OR'): SqlFragment => ({
  sql: parts.map((part) => `(${part.sql})`).join(` ${glue} `),
  bindings: parts.flatMap((part) => part.bindings),
});

export const tagRulesCondition = (rules: Pick<Audience, 'anyOf' | 'allOf' | 'noneOf'>): SqlFragment[] => {
  const parts: SqlFragment[] = [];
  if (rules.anyOf.length > 0) parts.push(joined(rules.anyOf.map(hasTag), 'OR'));
  if (rules.allOf.length > 0) parts.push({ sql: 'c.tags @> CAST(? AS jsonb)', bindings: [JSON.stringify(rules.allOf)] });
  if (rules.noneOf.length > 0) {
    const any = joined(rules.noneOf.map(hasTag), 'OR');
    parts.push({ sql: `NOT COALESCE(${any.sql}, FALSE)`, bindings: any.bindings });
  }
  return parts;
};

export const audienceCondition = (audience: Audience): SqlFragment => {
  const members: SqlFragment[] = [];
  if (audience.candidates.length > 0) {
    members.push({ sql: 'c.document_id = ANY(CAST(? AS varchar[]))', bindings: [audience.candidates] });
  }
  if (hasRules(audience)) {
    const rules = tagRulesCondition(audience);
    if (audience.filters) rules.push(compileCandidateFilters(audience.filters, ['audience', 'filters']));
    members.push(joined(rules, 'AND'));
  }
  return members.length === 0 ? { sql: 'FALSE', bindings: [] } : joined(members, 'OR');
};
