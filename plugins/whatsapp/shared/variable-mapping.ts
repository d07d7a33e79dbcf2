import type { RenderedTemplate } from './templates';

/**
 * Placeholder values from a candidate, through a campaign's `variableMapping`
 * (`{ "1": { source: "field", field: "name" } | { source: "attribute", key } | { source: "text", value } }`).
 * Pure, so the template preview and the campaign dispatcher render exactly the same text.
 */
import { renderTemplate } from './placeholders';

export const CANDIDATE_FIELDS = ['name', 'phone', 'email'] as const;
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];

export type VariableSource =
  | { source: 'field'; field: CandidateField }
  | { source: 'attribute'; key: string }
  | { source: 'text'; value: string };

export type VariableMapping = Record<string, VariableSource>;

/** The candidate fields a mapping can read. */
export type CandidateValues = {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  attributes?: unknown;
};

/**
 * WhatsApp refuses a template parameter that is empty or only spaces, so such a value counts as
 * missing. Numbers and booleans in attributes are written as text; objects and arrays are not
 * something a placeholder can show.
 */
const usable = (value: unknown): string | undefined => {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? undefined : value;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const resolveVariable = (source: VariableSource, candidate: CandidateValues | null | undefined): string | undefined => {
  switch (source.source) {
    case 'text':
      return usable(source.value);
    case 'field':
      return usable(candidate?.[source.field]);
    case 'attribute':
      return isRecord(candidate?.attributes) ? usable(candidate.attributes[source.key]) : undefined;
  }
};

/** Every placeholder the mapping can fill for this candidate; unresolved ones are left out. */
export const resolveVariables = (
  mapping: VariableMapping | null | undefined,
  candidate: CandidateValues | null | undefined,
): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const [key, source] of Object.entries(mapping ?? {})) {
    const value = resolveVariable(source, candidate);
    if (value !== undefined) values[key] = value;
  }
  return values;
};

/** Drops empty or blank values, so they are reported as missing rather than sent. */
export const cleanVariables = (values: Record<string, string> | null | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    const kept = usable(value);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
};


/**
 * Renders a body for one candidate. Values given in `overrides` win over the mapping; only the
 * placeholders the body uses are kept in `variables`.
 */
export const renderForCandidate = (
  body: string,
  mapping: VariableMapping | null | undefined,
  candidate: CandidateValues | null | undefined,
  overrides?: Record<string, string> | null,
): RenderedTemplate => {
  const values = { ...resolveVariables(mapping, candidate), ...cleanVariables(overrides) };
  const { text, missing } = renderTemplate(body, values);
  const used = new Set(body.match(/\{\{\s*\d+\s*\}\}/g)?.map((token) => token.replace(/\D/g, '')) ?? []);
  const variables = Object.fromEntries(Object.entries(values).filter(([key]) => used.has(key)));
  return { text, missing, variables };
};
