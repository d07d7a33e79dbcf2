/** WhatsApp template placeholders: {{1}}…{{n}}, numbered from 1 without gaps. */

/** Meta's limit for the body of a template. */
export const TEMPLATE_BODY_MAX = 1024;

const NUMBERED = /\{\{\s*(\d+)\s*\}\}/g;
const ANY_BRACES = /\{\{([^}]*)\}\}/g;

export type PlaceholderIssue = { path: string[]; message: string };

/** The distinct placeholder numbers in a body, ascending. */
export const extractPlaceholders = (body: string): number[] => {
  const numbers = new Set<number>();
  for (const match of body.matchAll(NUMBERED)) numbers.add(Number(match[1]));
  return [...numbers].sort((a, b) => a - b);
};

export const validateTemplateBody = (body: string, samples: Record<string, string> | undefined): PlaceholderIssue[] => {
  const issues: PlaceholderIssue[] = [];
  if (body.length > TEMPLATE_BODY_MAX) {
    issues.push({ path: ['body'], message: `A template body is at most ${TEMPLATE_BODY_MAX} characters (this one has ${body.length})` });
  }
  for (const match of body.matchAll(ANY_BRACES)) {
    if (!/^\s*\d+\s*$/.test(match[1] ?? '')) {
      issues.push({ path: ['body'], message: `"${match[0]}" is not a placeholder: use numbered placeholders such as {{1}}` });
    }
  }
  const numbers = extractPlaceholders(body);
  numbers.forEach((n, index) => {
    if (n !== index + 1) {
      issues.push({
        path: ['body'],
        message: `Placeholders must be numbered from {{1}} without gaps: expected {{${index + 1}}}, found {{${n}}}`,
      });
    }
  });
  for (const n of numbers) {
    const sample = samples?.[String(n)];
    if (sample === undefined || sample.trim() === '') {
      issues.push({ path: ['variables', String(n)], message: `A sample value is required for {{${n}}}` });
    }
  }
  return issues;
};

/** Replaces {{n}} with values[n]; reports the placeholders left empty. */
export const renderTemplate = (body: string, values: Record<string, string | undefined>) => {
  const missing = new Set<number>();
  const text = body.replace(NUMBERED, (_whole, digits: string) => {
    const value = values[digits];
    if (value === undefined || value === '') {
      missing.add(Number(digits));
      return '';
    }
    return value;
  });
  return { text, missing: [...missing].sort((a, b) => a - b) };
};
