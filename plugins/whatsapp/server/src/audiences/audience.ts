/**
 * A campaign's audience, read from any stored shape. Pure, no Strapi imports.
 *
 * Who is in it: every chosen candidate, and every candidate who meets all the rules given
 * (has any of `tags.anyOf`, all of `tags.allOf`, none of `tags.noneOf`, matches `filters`).
 * The rule part counts only when at least one rule is given, so `{ candidates: [...] }` alone is
 * just those candidates, as it always was. A candidate matched both ways is one recipient.
 */
export type Audience = {
  candidates: string[];
  anyOf: string[];
  allOf: string[];
  noneOf: string[];
  filters: Record<string, unknown> | null;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()))] : [];

export const normalizeAudience = (stored: unknown): Audience => {
  const audience = isRecord(stored) ? stored : {};
  const tags = audience.tags;
  const rules = isRecord(tags) ? tags : {};
  const filters = isRecord(audience.filters) && Object.keys(audience.filters).length > 0 ? audience.filters : null;
  return {
    candidates: strings(audience.candidates),
    anyOf: Array.isArray(tags) ? strings(tags) : strings(rules.anyOf),
    allOf: strings(rules.allOf),
    noneOf: strings(rules.noneOf),
    filters,
  };
};

export const hasRules = (audience: Audience) =>
  audience.anyOf.length > 0 || audience.allOf.length > 0 || audience.noneOf.length > 0 || audience.filters !== null;

export const isEmptyAudience = (audience: Audience) => audience.candidates.length === 0 && !hasRules(audience);
