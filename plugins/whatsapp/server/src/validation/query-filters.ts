import { errors } from '@strapi/utils';

/**
 * Filter values a column can hold, checked against the content type's attributes before a query
 * runs: Strapi's own query validation checks the keys (fields, operators) but passes any value
 * through, and PostgreSQL then refuses `id = 'abc'` with a database error (a 500).
 */

type Attribute = { type: string; target?: string };
export type FilterModel = { attributes: Record<string, Attribute | undefined> };
export type GetModel = (uid: string) => FilterModel | undefined;

const INTEGER_TYPES = new Set(['integer', 'biginteger']);
const NUMBER_TYPES = new Set(['float', 'decimal']);
/** Operators that compare the column's own value: their operand must be one the column can hold. */
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$notIn', '$between']);
const GROUP_OPERATORS = new Set(['$and', '$or']);
const PG_INTEGER_MAX = 2147483647;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `path` starts with the query parameter: `['filters', 'id', '$eq']`. */
const fail = (path: string[], message: string): never => {
  const [param, ...rest] = path;
  throw new errors.ValidationError(`Invalid value for ${param}[${rest.join('][')}]: ${message}`, {
    source: 'query',
    param,
    errors: [{ path, message, name: 'ValidationError' }],
  });
};

const isIntegerText = (value: unknown) =>
  (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^[-+]?\d{1,19}$/.test(value.trim()));

/** `kind`: what the column holds, or null when any text will do (strings, dates are Strapi's). */
const checkScalar = (kind: 'integer' | 'biginteger' | 'number', value: unknown, path: string[]) => {
  if (value === null) return;
  if (kind === 'number') {
    const text = typeof value === 'string' ? value.trim() : value;
    if (!(typeof text === 'number' || (typeof text === 'string' && text !== '')) || !Number.isFinite(Number(text))) {
      fail(path, 'expected a number');
    }
    return;
  }
  if (!isIntegerText(value)) fail(path, 'expected an integer');
  if (kind === 'integer' && Math.abs(Number(value)) > PG_INTEGER_MAX) fail(path, 'out of range');
};

const kindOf = (key: string, attribute: Attribute | undefined): 'integer' | 'biginteger' | 'number' | null => {
  if (key === 'id') return 'integer';
  if (!attribute) return null;
  if (attribute.type === 'biginteger') return 'biginteger';
  if (INTEGER_TYPES.has(attribute.type)) return 'integer';
  if (NUMBER_TYPES.has(attribute.type)) return 'number';
  return null;
};

/** A condition on one column: a bare value (`$eq`), an array (`$in`) or `{ $op: value }`. */
const checkCondition = (kind: 'integer' | 'biginteger' | 'number', condition: unknown, path: string[]): void => {
  if (Array.isArray(condition)) {
    condition.forEach((item, index) => checkScalar(kind, item, [...path, String(index)]));
    return;
  }
  if (!isPlainObject(condition)) {
    checkScalar(kind, condition, path);
    return;
  }
  for (const [operator, operand] of Object.entries(condition)) {
    if (operator === '$not') checkCondition(kind, operand, [...path, operator]);
    else if (VALUE_OPERATORS.has(operator)) checkCondition(kind, operand, [...path, operator]);
  }
};

/** Walks `filters` for the model `uid`, following relations into their targets. */
export const assertFilterValues = (getModel: GetModel, uid: string, filters: unknown, path: string[] = ['filters']): void => {
  if (filters === undefined || filters === null) return;
  if (Array.isArray(filters)) {
    filters.forEach((item, index) => assertFilterValues(getModel, uid, item, [...path, String(index)]));
    return;
  }
  if (!isPlainObject(filters)) return;
  const model = getModel(uid);
  if (!model) return;
  for (const [key, value] of Object.entries(filters)) {
    const at = [...path, key];
    if (GROUP_OPERATORS.has(key) || key === '$not') {
      assertFilterValues(getModel, uid, value, at);
      continue;
    }
    const attribute = Object.prototype.hasOwnProperty.call(model.attributes, key) ? model.attributes[key] : undefined;
    if (attribute?.type === 'relation' && attribute.target) {
      // `filters[candidate][$eq]=5` compares the related id; anything else filters the target.
      if (isPlainObject(value)) {
        const entries = Object.entries(value);
        const own = Object.fromEntries(entries.filter(([name]) => VALUE_OPERATORS.has(name)));
        checkCondition('integer', own, at);
        assertFilterValues(getModel, attribute.target, Object.fromEntries(entries.filter(([name]) => !VALUE_OPERATORS.has(name))), at);
      } else {
        checkCondition('integer', value, at);
      }
      continue;
    }
    const kind = kindOf(key, attribute);
    if (kind) checkCondition(kind, value, at);
  }
};

/** The `filters` of every relation `populate` reaches (`populate[candidate][filters][id][$eq]=…`). */
export const assertPopulateFilters = (getModel: GetModel, uid: string, populate: unknown, path: string[] = ['populate']): void => {
  if (!isPlainObject(populate)) return;
  const model = getModel(uid);
  if (!model) return;
  for (const [key, value] of Object.entries(populate)) {
    const attribute = Object.prototype.hasOwnProperty.call(model.attributes, key) ? model.attributes[key] : undefined;
    if (attribute?.type !== 'relation' || !attribute.target || !isPlainObject(value)) continue;
    assertFilterValues(getModel, attribute.target, value.filters, [...path, key, 'filters']);
    assertPopulateFilters(getModel, attribute.target, value.populate, [...path, key, 'populate']);
  }
};
