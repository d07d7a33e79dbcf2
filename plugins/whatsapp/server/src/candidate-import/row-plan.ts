import { ATTRIBUTE_TARGET_PREFIX, type ImportMapping, type ImportOutcome } from '../../../shared/candidate-import';
/** The phone helper's answer (domain/phone.ts). */
type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * The import rules, pure (the dry run and the import share them, so the dry run's report is the
 * import's): upsert by E.164 number; an empty cell never clears a stored value; tags are added to
 * the stored ones; attributes are merged, the file's keys winning; opt-in is never touched.
 */

export type CellValue = string | number | boolean;
export type AttributeValue = string | number | boolean | null;

/** One column's place in a row and where it goes. */
export type ColumnPlan =
  | { index: number; field: 'name' | 'phone' | 'email' | 'tags' }
  | { index: number; field: 'attribute'; key: string };

/** What a row of the file asks for, before the stored candidate is known. */
export type IncomingRow = {
  phone: string;
  name: string | null;
  email: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
};

export type StoredCandidate = {
  id: number;
  documentId: string;
  name: string | null;
  email: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
};

/** The candidate columns an import writes. */
export type CandidateWrite = Omit<IncomingRow, 'phone'>;

export const LIMITS = { name: 255, email: 255, tag: 64, tags: 100, attributeValue: 2000 } as const;

// The shape Strapi's `email` attribute accepts; raw SQL bypasses its validation, so it is checked here.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Column positions from a header-keyed mapping; `ignore` columns are dropped. */
export const columnPlans = (headers: readonly string[], mapping: ImportMapping): ColumnPlan[] =>
  headers.flatMap((header, index): ColumnPlan[] => {
    const target = mapping[header] ?? 'ignore';
    if (target === 'ignore') return [];
    if (target.startsWith(ATTRIBUTE_TARGET_PREFIX)) return [{ index, field: 'attribute', key: target.slice(ATTRIBUTE_TARGET_PREFIX.length) }];
    return [{ index, field: target as 'name' | 'phone' | 'email' | 'tags' }];
  });

const text = (value: CellValue | undefined): string => (value === undefined ? '' : String(value).trim());

/** A tags cell: `a;b;c` or `a, b`, trimmed, blanks and repeats dropped. */
export const splitTags = (cell: string): string[] => [...new Set(cell.split(/[;,]/).map((tag) => tag.trim()).filter(Boolean))];

export type ReadRow = { ok: true; row: IncomingRow } | { ok: false; reason: string; phone: string | null } | { ok: 'blank' };

/**
 * One row of cells read through the plan. `parse` turns the phone cell into E.164 (the project's
 * phone helper with the settings' default country). A row whose mapped cells are all empty is blank.
 */
export const readRow = (cells: readonly CellValue[], plans: readonly ColumnPlan[], parse: (input: string) => ParsedPhone): ReadRow => {
  let phoneCell = '';
  let name: string | null = null;
  let email: string | null = null;
  const tags: string[] = [];
  const attributes: Record<string, AttributeValue> = {};
  let anything = false;
  for (const plan of plans) {
    const raw = cells[plan.index];
    const value = text(raw);
    if (value === '') continue;
    anything = true;
    if (plan.field === 'phone') phoneCell = phoneCell || value;
    else if (plan.field === 'name') name = name ?? value;
    else if (plan.field === 'email') email = email ?? value;
    else if (plan.field === 'tags') {
      for (const tag of splitTags(value)) if (!tags.includes(tag)) tags.push(tag);
    } else if (plan.field === 'attribute') attributes[plan.key] = typeof raw === 'number' || typeof raw === 'boolean' ? raw : value;
  }
  if (!anything) return { ok: 'blank' };
  if (!phoneCell) return { ok: false, reason: 'No phone number', phone: null };
  const parsed = parse(phoneCell);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, phone: null };
  const phone = parsed.e164;
  const refuse = (reason: string): ReadRow => ({ ok: false, reason, phone });
  if (name !== null && name.length > LIMITS.name) return refuse(`Name is longer than ${LIMITS.name} characters`);
  if (email !== null && (email.length > LIMITS.email || !EMAIL.test(email))) return refuse(`"${email.slice(0, 80)}" is not a valid e-mail address`);
  const longTag = tags.find((tag) => tag.length > LIMITS.tag);
  if (longTag) return refuse(`Tag "${longTag.slice(0, 80)}" is longer than ${LIMITS.tag} characters`);
  const longValue = Object.entries(attributes).find(([, value]) => typeof value === 'string' && value.length > LIMITS.attributeValue);
  if (longValue) return refuse(`Attribute "${longValue[0]}" is longer than ${LIMITS.attributeValue} characters`);
  return { ok: true, row: { phone, name, email, tags, attributes } };
};

export type RowPlan =
  | { outcome: 'created'; write: CandidateWrite }
  | { outcome: 'updated'; write: CandidateWrite; id: number; documentId: string }
  | { outcome: 'unchanged'; documentId: string }
  | { outcome: 'invalid'; reason: string; documentId: string | null };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What importing `row` does to `stored` (null: no candidate has the number yet). */
export const planRow = (row: IncomingRow, stored: StoredCandidate | null): RowPlan => {
  if (!stored) {
    if (row.tags.length > LIMITS.tags) return { outcome: 'invalid', reason: `More than ${LIMITS.tags} tags`, documentId: null };
    return { outcome: 'created', write: { name: row.name, email: row.email, tags: row.tags, attributes: row.attributes } };
  }
  const tags = [...stored.tags, ...row.tags.filter((tag) => !stored.tags.includes(tag))];
  if (tags.length > LIMITS.tags) return { outcome: 'invalid', reason: `More than ${LIMITS.tags} tags with the stored ones`, documentId: stored.documentId };
  const write: CandidateWrite = {
    name: row.name ?? stored.name,
    email: row.email ?? stored.email,
    tags,
    attributes: { ...stored.attributes, ...row.attributes },
  };
  const changed =
    write.name !== stored.name ||
    write.email !== stored.email ||
    tags.length !== stored.tags.length ||
    Object.keys(write.attributes).length !== Object.keys(stored.attributes).length ||
    Object.entries(row.attributes).some(([key, value]) => !sameJson(stored.attributes[key], value));
  return changed ? { outcome: 'updated', write, id: stored.id, documentId: stored.documentId } : { outcome: 'unchanged', documentId: stored.documentId };
};

export type ReportRow = { row: number; outcome: ImportOutcome; reason: string | null; phone: string | null; candidateId: string | null };
