import { errors } from '@strapi/utils';
import { OPT_IN_STATES } from '../../../shared/statuses';

/**
 * Strapi's filter syntax on candidate fields, compiled to one SQL condition on the candidates
 * table (alias `c`) with bound values. Why not Strapi's query engine: the condition must sit
 * inside the launch's INSERT … SELECT, and it reaches into `attributes` (JSON), which Strapi's
 * filters cannot. Anything it does not know is a 400 naming the path, never SQL.
 */

export type SqlFragment = { sql: string; bindings: unknown[] };

type Kind = 'text' | 'time' | 'optIn';

const FIELDS: Record<string, { column: string; kind: Kind }> = {
  name: { column: 'c.name', kind: 'text' },
  phone: { column: 'c.phone', kind: 'text' },
  email: { column: 'c.email', kind: 'text' },
  optIn: { column: 'c.opt_in', kind: 'optIn' },
  optInSource: { column: 'c.opt_in_source', kind: 'text' },
  optInAt: { column: 'c.opt_in_at', kind: 'time' },
  optOutAt: { column: 'c.opt_out_at', kind: 'time' },
  lastInboundAt: { column: 'c.last_inbound_at', kind: 'time' },
  createdAt: { column: 'c.created_at', kind: 'time' },
  updatedAt: { column: 'c.updated_at', kind: 'time' },
};

export const FILTER_FIELDS = [...Object.keys(FIELDS), 'attributes'] as const;

const COMPARE: Record<string, string> = { $eq: '=', $ne: '<>', $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };
const LIKE: Record<string, { op: string; pattern: (value: string) => string }> = {
  $contains: { op: 'LIKE', pattern: (value) => `%${escapeLike(value)}%` },
  $notContains: { op: 'NOT LIKE', pattern: (value) => `%${escapeLike(value)}%` },
  $containsi: { op: 'ILIKE', pattern: (value) => `%${escapeLike(value)}%` },
  $notContainsi: { op: 'NOT ILIKE', pattern: (value) => `%${escapeLike(value)}%` },
  $startsWith: { op: 'LIKE', pattern: (value) => `${escapeLike(value)}%` },
  $startsWithi: { op: 'ILIKE', pattern: (value) => `${escapeLike(value)}%` },
  $endsWith: { op: 'LIKE', pattern: (value) => `%${escapeLike(value)}` },
  $endsWithi: { op: 'ILIKE', pattern: (value) => `%${escapeLike(value)}` },
};
const OPERATORS = [...Object.keys(COMPARE), ...Object.keys(LIKE), '$eqi', '$nei', '$in', '$notIn', '$between', '$null', '$notNull', '$not'];
const ATTRIBUTE_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (path: string[], message: string): never => {
  throw new errors.ValidationError(`Invalid audience filter at ${path.join('.')}: ${message}`, {
    errors: [{ path, message, name: 'ValidationError' }],
  });
};

const and = (parts: SqlFragment[]): SqlFragment =>
  parts.length === 0
    ? { sql: 'TRUE', bindings: [] }
    : { sql: parts.map((part) => `(${part.sql})`).join(' AND '), bindings: parts.flatMap((part) => part.bindings) };

const or = (parts: SqlFragment[]): SqlFragment =>
  parts.length === 0
    ? { sql: 'FALSE', bindings: [] }
    : { sql: parts.map((part) => `(${part.sql})`).join(' OR '), bindings: parts.flatMap((part) => part.bindings) };

/** What one operand is bound as: text, a timestamp, an opt-in state, or a number (attributes). */
type Target = { column: string; kind: Kind | 'attribute'; numberColumn?: string };

const scalar = (target: Target, value: unknown, path: string[]): { value: unknown; numeric: boolean } => {
  if (target.kind === 'time') {
    const time = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!time || Number.isNaN(time.getTime())) fail(path, 'expected a date and time (ISO 8601)');
    return { value: time!.toISOString(), numeric: false };
  }
  if (target.kind === 'optIn') {
    if (typeof value !== 'string' || !(OPT_IN_STATES as readonly string[]).includes(value)) {
      fail(path, `expected one of ${OPT_IN_STATES.join(', ')}`);
    }
    return { value, numeric: false };
  }
  if (target.kind === 'attribute' && typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, 'expected a finite number');
    return { value, numeric: true };
  }
  if (typeof value === 'boolean' || typeof value === 'number') return { value: String(value), numeric: false };
  if (typeof value !== 'string') fail(path, 'expected a text, number or date value');
  if ((value as string).length > 1000) fail(path, 'value too long');
  return { value, numeric: false };
};

/** The column an operand compares to: the attribute's number, when the operand is a number. */
const columnFor = (target: Target, numeric: boolean) => (numeric && target.numberColumn ? target.numberColumn : target.column);
const cast = (target: Target, numeric: boolean) => (numeric ? '?::numeric' : target.kind === 'time' ? '?::timestamptz' : '?');

const condition = (target: Target, operator: string, operand: unknown, path: string[]): SqlFragment => {
  if (operator in COMPARE) {
    if (operand === null) {
      return { sql: `${target.column} IS ${operator === '$ne' ? 'NOT ' : ''}NULL`, bindings: [] };
    }
    const { value, numeric } = scalar(target, operand, path);
    const sql = `${columnFor(target, numeric)} ${COMPARE[operator]} ${cast(target, numeric)}`;
    // `$ne` keeps rows without a value, as Strapi's does.
    return operator === '$ne' ? { sql: `${sql} OR ${target.column} IS NULL`, bindings: [value] } : { sql, bindings: [value] };
  }
  if (operator === '$eqi' || operator === '$nei') {
    const { value } = scalar({ ...target, kind: target.kind === 'time' ? 'time' : 'text' }, operand, path);
    return { sql: `lower(${target.column}) ${operator === '$eqi' ? '=' : '<>'} lower(?)`, bindings: [String(value)] };
  }
  if (operator in LIKE) {
    if (typeof operand !== 'string') fail(path, 'expected a text value');
    const like = LIKE[operator]!;
    return { sql: `${target.column}::text ${like.op} ?`, bindings: [like.pattern(operand as string)] };
  }
  if (operator === '$in' || operator === '$notIn') {
    const list = Array.isArray(operand) ? operand : [operand];
    if (list.length === 0 || list.length > 1000) fail(path, 'expected a list of 1 to 1,000 values');
    const values = list.map((item, index) => scalar(target, item, [...path, String(index)]));
    const numeric = values.every((item) => item.numeric);
    const sql = `${columnFor(target, numeric)} ${operator === '$in' ? '' : 'NOT '}IN (${values.map(() => cast(target, numeric)).join(', ')})`;
    return { sql, bindings: values.map((item) => item.value) };
  }
  if (operator === '$between') {
    if (!Array.isArray(operand) || operand.length !== 2) fail(path, 'expected two values');
    const [low, high] = (operand as unknown[]).map((item, index) => scalar(target, item, [...path, String(index)]));
    const numeric = low!.numeric && high!.numeric;
    return { sql: `${columnFor(target, numeric)} BETWEEN ${cast(target, numeric)} AND ${cast(target, numeric)}`, bindings: [low!.value, high!.value] };
  }
  if (operator === '$null' || operator === '$notNull') {
    const wanted = operand === true || operand === 'true';
    const isNull = operator === '$null' ? wanted : !wanted;
    return { sql: `${target.column} IS ${isNull ? '' : 'NOT '}NULL`, bindings: [] };
  }
  if (operator === '$not') {
    const inner = conditions(target, operand, path);
    return { sql: `NOT COALESCE((${inner.sql}), FALSE)`, bindings: inner.bindings };
  }
  return fail(path, `unknown operator ${operator}; use one of ${OPERATORS.join(', ')}`);
};

/** A field's conditions: a bare value (`$eq`), a list (`$in`) or `{ $operator: value, … }`. */
const conditions = (target: Target, value: unknown, path: string[]): SqlFragment => {
  if (Array.isArray(value)) return condition(target, '$in', value, [...path, '$in']);
  if (!isRecord(value)) return condition(target, '$eq', value, [...path, '$eq']);
  const entries = Object.entries(value);
  if (entries.length === 0) fail(path, 'expected at least one operator');
  return and(entries.map(([operator, operand]) => condition(target, operator, operand, [...path, operator])));
};

/** `attributes: { city: { $eq: 'Pune' } }`: text comparisons on the value as text, numbers as numbers. */
const attributeConditions = (value: unknown, path: string[]): SqlFragment => {
  if (!isRecord(value) || Object.keys(value).length === 0) return fail(path, 'expected { <attribute>: <condition> }');
  return and(
    Object.entries(value).map(([key, condition]) => {
      if (!ATTRIBUTE_KEY.test(key)) fail([...path, key], 'an attribute name is 1 to 64 letters, digits, "_", "-" or "."');
      const quoted = `'${key}'`;
      const target: Target = {
        column: `(CASE WHEN jsonb_typeof(c.attributes -> ${quoted}) IN ('string', 'number', 'boolean') THEN c.attributes ->> ${quoted} END)`,
        numberColumn: `(CASE WHEN jsonb_typeof(c.attributes -> ${quoted}) = 'number' THEN (c.attributes ->> ${quoted})::numeric END)`,
        kind: 'attribute',
      };
      return conditions(target, condition, [...path, key]);
    })
  );
};

/** The whole filter; `path` starts where the caller holds it (`['audience', 'filters']`). */
export const compileCandidateFilters = (filters: unknown, path: string[]): SqlFragment => {
  if (Array.isArray(filters)) return and(filters.map((item, index) => compileCandidateFilters(item, [...path, String(index)])));
  if (!isRecord(filters)) return fail(path, 'expected an object');
  return and(
    Object.entries(filters).map(([key, value]) => {
      const at = [...path, key];
      if (key === '$and' || key === '$or') {
        if (!Array.isArray(value)) fail(at, 'expected a list of filters');
        const parts = (value as unknown[]).map((item, index) => compileCandidateFilters(item, [...at, String(index)]));
        return key === '$and' ? and(parts) : or(parts);
      }
      if (key === '$not') {
        const inner = compileCandidateFilters(value, at);
        return { sql: `NOT COALESCE((${inner.sql}), FALSE)`, bindings: inner.bindings };
      }
      if (key === 'attributes') return attributeConditions(value, at);
      const field = FIELDS[key];
      if (!field) return fail(at, `unknown field; use one of ${FILTER_FIELDS.join(', ')}`);
      return conditions({ column: field.column, kind: field.kind }, value, at);
    })
  );
};
