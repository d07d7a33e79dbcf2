/**
 * Strapi's filter syntax on candidate fields, compiled to one SQL condition on the candidates
 * table (alias `c`) with bound values. Why not Strapi's query engine: the condition must sit
 * inside the launch's INSERT … SELECT, and it reaches into `attributes` (JSON), which Strapi's
 * filters cannot. Anything it does not know is a 400 naming the path, never SQL.
 */
export type SqlFragment = {
    sql: string;
    bindings: unknown[];
};
export declare const FILTER_FIELDS: readonly [...string[], "attributes"];
/** The whole filter; `path` starts where the caller holds it (`['audience', 'filters']`). */
export declare const compileCandidateFilters: (filters: unknown, path: string[]) => SqlFragment;
