import { errors } from '@strapi/utils';
import {
  ATTRIBUTE_TARGET_PREFIX,
  IMPORT_FIELDS,
  guessMapping,
  type ImportField,
  type ImportMapping,
  type ImportTarget,
} from '../../../shared/candidate-import';

const refuse = (path: string[], message: string): never => {
  throw new errors.ValidationError(message, { errors: [{ path, message, name: 'ValidationError' }] });
};

/** Fields one column at most may feed (tags and attributes may come from several). */
const SINGLE: ImportField[] = ['name', 'phone', 'email'];

/**
 * The mapping a run uses: the columns `given` names go where it says, the others where the headers
 * suggest. 400 for an unknown column or target, no phone column, or a field fed by two columns.
 */
export const resolveMapping = (headers: readonly string[], given: Record<string, unknown> | undefined): ImportMapping => {
  const mapping = guessMapping(headers);
  for (const [header, target] of Object.entries(given ?? {})) {
    if (!headers.includes(header)) refuse(['mapping', header], `The file has no column "${header}" (its columns: ${headers.join(', ')})`);
    if (typeof target !== 'string') return refuse(['mapping', header], `The target of "${header}" must be a text`);
    if (target.startsWith(ATTRIBUTE_TARGET_PREFIX)) {
      const key = target.slice(ATTRIBUTE_TARGET_PREFIX.length).trim();
      if (!key || key.length > 64) refuse(['mapping', header], `An attribute key is 1 to 64 characters ("${header}")`);
      mapping[header] = `${ATTRIBUTE_TARGET_PREFIX}${key}`;
    } else if ((IMPORT_FIELDS as readonly string[]).includes(target)) {
      mapping[header] = target as ImportTarget;
    } else {
      refuse(['mapping', header], `Unknown mapping field "${target}" for "${header}": use name, phone, email, tags, ignore or attribute:<key>`);
    }
  }
  // A field the caller placed is no longer guessed for another column.
  const named = new Set(Object.keys(given ?? {}));
  for (const header of headers) {
    const target = mapping[header]!;
    if (!named.has(header) && SINGLE.includes(target as ImportField) && headers.some((other) => named.has(other) && mapping[other] === target)) {
      mapping[header] = 'ignore';
    }
  }
  for (const field of SINGLE) {
    const columns = headers.filter((header) => mapping[header] === field);
    if (columns.length > 1) refuse(['mapping'], `Only one column can be ${field} (${columns.join(', ')})`);
  }
  if (!headers.some((header) => mapping[header] === 'phone')) refuse(['mapping'], 'Map one column to phone: candidates are matched by their number');
  return mapping;
};
