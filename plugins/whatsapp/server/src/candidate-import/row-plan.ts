import { ATTRIBUTE_TARGET_PREFIX, type ImportMapping } from '../../../shared/candidate-import';
/** The phone helper's answer (domain/phone.ts). */
type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Reading a row of the file, pure: the cells through the mapping into what the row asks for, or
 * why it is invalid. How a row merges with the stored candidate is decided in SQL (the gateway's
 * planCandidatesWith / importCandidatesWith), shared by the dry run and the import.
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

export const LIMITS = { name: 255, email: 255, tag: 64, attributeValue: 2000 } as const;

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
