/** Saved replies: short texts staff insert with `/shortcut`, their `{{candidate.x}}` placeholders filled. */

/** A shortcut is typed after `/`: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
export const SHORTCUT_PATTERN = '^[a-z0-9][a-z0-9_-]{0,49}$';
export const SHORTCUT_MAX = 50;
/** Twilio's limit for one message body: a saved reply must fit in one. */
export const SAVED_REPLY_TEXT_MAX = 1600;

/** GET /whatsapp/saved-replies: one saved reply. */
export type SavedReply = { documentId: string; shortcut: string; text: string; updatedAt: string | null };

/** The candidate fields a saved reply may name; `attributes.x` reads the candidate's own attributes. */
export type PlaceholderCandidate = {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  attributes?: Record<string, unknown> | null;
};

export const CANDIDATE_PLACEHOLDER_FIELDS = ['name', 'firstName', 'phone', 'email'] as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const valueOf = (candidate: PlaceholderCandidate, path: string): string | null => {
  const [root, field, ...rest] = path.split('.');
  if (root !== 'candidate' || !field) return null;
  if (field === 'attributes') {
    const key = rest.join('.');
    const value = key ? candidate.attributes?.[key] : undefined;
    return value === undefined || value === null || value === '' || typeof value === 'object' ? null : String(value);
  }
  if (rest.length > 0) return null;
  if (field === 'firstName') return candidate.name?.trim().split(/\s+/)[0] || null;
  if (field === 'name' || field === 'phone' || field === 'email') return candidate[field]?.trim() || null;
  return null;
};

/** Whether a placeholder names something a saved reply can fill (a field above or `candidate.attributes.<key>`). */
export const isKnownPlaceholder = (path: string): boolean => {
  const [root, field, ...rest] = path.split('.');
  if (root !== 'candidate' || !field) return false;
  if (field === 'attributes') return rest.length > 0 && rest.every(Boolean);
  return rest.length === 0 && (CANDIDATE_PLACEHOLDER_FIELDS as readonly string[]).includes(field);
};

/** The placeholders of a text that no candidate could fill (a typo such as `{{candidate.nmae}}`). */
export const unknownPlaceholders = (text: string): string[] =>
  [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))].filter((path) => !isKnownPlaceholder(path));

/**
 * Fills `{{candidate.name}}`, `{{candidate.attributes.city}}`… from the candidate. A placeholder
 * the candidate has no value for becomes empty and is named in `missing`, so the composer can
 * warn before anything is sent; unknown ones are left as written.
 */
export const fillSavedReply = (text: string, candidate: PlaceholderCandidate | null) => {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, path: string) => {
    if (!isKnownPlaceholder(path)) return whole;
    const value = candidate ? valueOf(candidate, path) : null;
    if (value === null) {
      missing.add(path);
      return '';
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
};
