import type { RenderedTemplate } from '../../../shared/templates';
export declare const CANDIDATE_FIELDS: readonly ["name", "phone", "email"];
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];
export type VariableSource = {
    source: 'field';
    field: CandidateField;
} | {
    source: 'attribute';
    key: string;
} | {
    source: 'text';
    value: string;
};
export type VariableMapping = Record<string, VariableSource>;
/** The candidate fields a mapping can read. */
export type CandidateValues = {
    name?: string | null;
    phone?: string | null;
    email?: string | null;
    attributes?: unknown;
};
export declare const resolveVariable: (source: VariableSource, candidate: CandidateValues | null | undefined) => string | undefined;
/** Every placeholder the mapping can fill for this candidate; unresolved ones are left out. */
export declare const resolveVariables: (mapping: VariableMapping | null | undefined, candidate: CandidateValues | null | undefined) => Record<string, string>;
/** Drops empty or blank values, so they are reported as missing rather than sent. */
export declare const cleanVariables: (values: Record<string, string> | null | undefined) => Record<string, string>;
/**
 * Renders a body for one candidate. Values given in `overrides` win over the mapping; only the
 * placeholders the body uses are kept in `variables`.
 */
export declare const renderForCandidate: (body: string, mapping: VariableMapping | null | undefined, candidate: CandidateValues | null | undefined, overrides?: Record<string, string> | null) => RenderedTemplate;
