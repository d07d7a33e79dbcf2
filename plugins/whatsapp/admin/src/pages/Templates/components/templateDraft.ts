import {
  extractPlaceholders,
  QUICK_REPLY_MAX,
  QUICK_REPLY_TITLE_MAX,
  TEMPLATE_BODY_MAX,
  TEMPLATE_LANGUAGE_PATTERN,
  TEMPLATE_NAME_PATTERN,
} from '../../../../../shared/templates';
import type { EditorTemplate, TemplateDraft } from '../../../api/templates';

export type HeaderKind = 'none' | 'media' | 'quickReplies';

/** The editor's form state. */
export type DraftForm = {
  name: string;
  language: string;
  category: string;
  body: string;
  samples: Record<string, string>;
  header: HeaderKind;
  mediaUrl: string;
  quickReplies: string[];
};

export const EMPTY_FORM: DraftForm = {
  name: '',
  language: 'en',
  category: 'UTILITY',
  body: '',
  samples: {},
  header: 'none',
  mediaUrl: '',
  quickReplies: [''],
};

export const formOf = (template: EditorTemplate): DraftForm => ({
  name: template.name,
  language: template.language,
  category: template.category,
  body: template.body,
  samples: { ...template.variables },
  header: template.quickReplies?.length ? 'quickReplies' : template.media?.length ? 'media' : 'none',
  mediaUrl: template.media?.[0] ?? '',
  quickReplies: template.quickReplies?.length ? template.quickReplies.map((reply) => reply.title) : [''],
});

/** The body with `{{n+1}}` inserted at `at`, n being the highest placeholder so far. */
export const insertNextPlaceholder = (body: string, at: number) => {
  const next = (extractPlaceholders(body).at(-1) ?? 0) + 1;
  const token = `{{${next}}}`;
  return { body: `${body.slice(0, at)}${token}${body.slice(at)}`, caret: at + token.length };
};

/** What the server would refuse, field by field (its checks are the same rules). */
export type FormIssues = Partial<Record<'name' | 'language' | 'body' | 'mediaUrl' | 'quickReplies', string>> & { samples?: number[] };

export const issuesOf = (form: DraftForm): FormIssues => {
  const issues: FormIssues = {};
  if (!TEMPLATE_NAME_PATTERN.test(form.name)) issues.name = 'name';
  if (!TEMPLATE_LANGUAGE_PATTERN.test(form.language)) issues.language = 'language';
  const numbers = extractPlaceholders(form.body);
  if (!form.body.trim() || form.body.length > TEMPLATE_BODY_MAX || numbers.some((n, index) => n !== index + 1) || /\{\{(?!\s*\d+\s*\}\})/.test(form.body)) {
    issues.body = 'body';
  }
  const missing = numbers.filter((n) => !form.samples[String(n)]?.trim());
  if (missing.length > 0) issues.samples = missing;
  if (form.header === 'media' && !/^https:\/\/\S+$/.test(form.mediaUrl.trim())) issues.mediaUrl = 'mediaUrl';
  if (form.header === 'quickReplies') {
    const titles = form.quickReplies.map((title) => title.trim()).filter(Boolean);
    if (titles.length === 0 || titles.length > QUICK_REPLY_MAX || titles.some((title) => title.length > QUICK_REPLY_TITLE_MAX)) {
      issues.quickReplies = 'quickReplies';
    }
  }
  return issues;
};

export const hasIssues = (issues: FormIssues) => Object.keys(issues).length > 0;

/** The request body: samples only for the placeholders the body has. */
export const draftOf = (form: DraftForm): TemplateDraft => {
  const numbers = extractPlaceholders(form.body);
  return {
    name: form.name,
    language: form.language,
    category: form.category,
    body: form.body,
    variables: Object.fromEntries(numbers.map((n) => [String(n), form.samples[String(n)] ?? ''])),
    ...(form.header === 'media' ? { media: [form.mediaUrl.trim()] } : {}),
    ...(form.header === 'quickReplies'
      ? { quickReplies: form.quickReplies.map((title) => title.trim()).filter(Boolean).map((title) => ({ title })) }
      : {}),
  };
};
