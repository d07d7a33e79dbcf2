import { randomFillSync } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Rows the repositories write with SQL must be indistinguishable from Document Service rows:
 * a documentId of the same shape @strapi/core's (cuid2's `createId`) has, the timestamps
 * Strapi sets on create (with draft & publish off it still fills `published_at`), `locale`
 * null (no i18n), and every attribute `default` the Document Service would fill in.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** 24 characters, as cuid2's default. */
const DOCUMENT_ID_LENGTH = 24;

/** Ids minted from one fill of the OS's random bytes. */
const IDS_PER_FILL = 256;
const pool = Buffer.alloc(DOCUMENT_ID_LENGTH * IDS_PER_FILL);
let poolOffset = pool.length;

/**
 * A documentId shaped like cuid2's (24 characters, a lowercase letter then lowercase letters and
 * digits; about 120 random bits). Why not `createId` itself: it hashes with SHA-3 in JavaScript,
 * which came to 3 % of the app's CPU in bench/campaign, where every status callback and every
 * campaign message mints one; here the randomness comes from the OS, as cuid2's entropy does.
 * The bytes are drawn a few kilobytes at a time: one `randomBytes` call per id cost 4 % of the
 * app's CPU in the unpaced campaign benchmark (a system call each).
 */
export const newDocumentId = (): string => {
  if (poolOffset + DOCUMENT_ID_LENGTH > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += DOCUMENT_ID_LENGTH;
  let id = LETTERS[pool[start]! % LETTERS.length]!;
  for (let index = 1; index < DOCUMENT_ID_LENGTH; index += 1) id += BASE36[pool[start + index]! % BASE36.length];
  return id;
};

/**
 * Ids proposed for rows that may already exist (a candidate, a conversation, a retried message):
 * most go unused, and minting one costs random bytes from the OS, so an id the database did not
 * use is proposed again later. Only ids a statement answered without using are given back.
 */
export const createSpareDocumentIds = (max = 1000) => {
  const spare: string[] = [];
  return {
    take: (): string => spare.pop() ?? newDocumentId(),
    giveBack(id: string) {
      if (spare.length < max) spare.push(id);
    },
  };
};

/** JSON columns are bound as text and cast to jsonb in SQL. */
export const jsonParam = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const SQL_TYPE: Record<string, string> = {
  integer: 'integer',
  biginteger: 'bigint',
  float: 'double precision',
  decimal: 'numeric',
  boolean: 'boolean',
  json: 'jsonb',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  date: 'date',
  time: 'time',
};

/** SQL fragments that add the model's remaining attribute defaults to an INSERT. */
export type DefaultColumns = { columns: string; values: string; params: Record<string, unknown> };

type DbAttribute = { type: string; columnName?: string; default?: unknown };

/**
 * The defaults of the attributes an INSERT does not set itself (a column another feature adds
 * to the type with a `default`, for instance), as the Document Service would apply them.
 * `prefix` keeps the binding names of several tables apart in one statement.
 */
export const defaultColumns = (strapi: Core.Strapi, uid: string, explicitColumns: readonly string[], prefix: string): DefaultColumns => {
  const attributes = strapi.db.metadata.get(uid).attributes as Record<string, DbAttribute>;
  const explicit = new Set(explicitColumns);
  const extra = Object.values(attributes).filter(
    (attribute): attribute is DbAttribute & { columnName: string } =>
      typeof attribute.columnName === 'string' &&
      !explicit.has(attribute.columnName) &&
      attribute.default !== undefined &&
      attribute.default !== null &&
      typeof attribute.default !== 'function' &&
      attribute.type !== 'relation'
  );
  const params: Record<string, unknown> = {};
  const values = extra.map((attribute, index) => {
    const name = `${prefix}Default${index}`;
    params[name] = attribute.type === 'json' ? jsonParam(attribute.default) : attribute.default;
    return `, CAST(:${name} AS ${SQL_TYPE[attribute.type] ?? 'text'})`;
  });
  return { columns: extra.map((attribute) => `, "${attribute.columnName}"`).join(''), values: values.join(''), params };
};
