import { useRef } from 'react';
import { Box, Button, Field, Flex, Grid, IconButton, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { extractPlaceholders, QUICK_REPLY_MAX, QUICK_REPLY_TITLE_MAX, TEMPLATE_BODY_MAX, TEMPLATE_CATEGORIES } from '../../../../../shared/templates';
import { useTranslate } from '../../../utils/useTranslate';
import { insertNextPlaceholder, type DraftForm, type FormIssues, type HeaderKind } from './templateDraft';

type Props = {
  form: DraftForm;
  issues: FormIssues;
  /** Show every issue (after a save was tried), not only those of fields already typed in. */
  showAll: boolean;
  disabled: boolean;
  onChange: (form: DraftForm) => void;
};

/** The template's fields; the page owns the state, the preview and the actions. */
export const TemplateForm = ({ form, issues, showAll, disabled, onChange }: Props) => {
  const t = useTranslate();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) => onChange({ ...form, [key]: value });
  const placeholders = extractPlaceholders(form.body);
  const shown = (key: keyof FormIssues, value: string) => Boolean(issues[key]) && (showAll || value !== '');

  const insertPlaceholder = () => {
    const textarea = bodyRef.current;
    const at = textarea?.selectionStart ?? form.body.length;
    const next = insertNextPlaceholder(form.body, at);
    set('body', next.body);
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(next.caret, next.caret);
    });
  };

  const setReply = (index: number, title: string) => set('quickReplies', form.quickReplies.map((current, i) => (i === index ? title : current)));

  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <Field.Root
            name="name"
            required
            error={
              shown('name', form.name)
                ? t('templates.editor.name.error', 'Use lowercase letters, digits and underscores only, e.g. interview_reminder')
                : undefined
            }
            hint={t('templates.editor.name.hint', 'WhatsApp rule: lowercase letters, digits and underscores (interview_reminder).')}
          >
            <Field.Label>{t('templates.editor.name', 'Name')}</Field.Label>
            <TextInput value={form.name} disabled={disabled} onChange={(event: { target: { value: string } }) => set('name', event.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
          <Field.Root
            name="language"
            required
            error={shown('language', form.language) ? t('templates.editor.language.error', 'A WhatsApp language code: en, en_US, hi…') : undefined}
            hint={t('templates.editor.language.hint', 'en, en_US, hi, pt_BR…')}
          >
            <Field.Label>{t('templates.editor.language', 'Language')}</Field.Label>
            <TextInput value={form.language} disabled={disabled} onChange={(event: { target: { value: string } }) => set('language', event.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
          <Field.Root name="category" required>
            <Field.Label>{t('templates.editor.category', 'Category')}</Field.Label>
            <SingleSelect value={form.category} disabled={disabled} onChange={(value: string | number) => set('category', String(value))}>
              {TEMPLATE_CATEGORIES.map((category) => (
                <SingleSelectOption key={category} value={category}>
                  {t(`templates.category.${category}`, category.charAt(0) + category.slice(1).toLowerCase())}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
      </Grid.Root>

      <Field.Root
        name="body"
        required
        error={
          shown('body', form.body)
            ? t('templates.editor.body.error', 'Number placeholders {first}, {second}… in order, without gaps; at most 1,024 characters.', {
                first: '{{1}}',
                second: '{{2}}',
              })
            : undefined
        }
        hint={`${form.body.length} / ${TEMPLATE_BODY_MAX}`}
      >
        <Flex justifyContent="space-between" alignItems="flex-end" paddingBottom={1}>
          <Field.Label>{t('templates.editor.body', 'Message')}</Field.Label>
          <Button variant="tertiary" size="S" startIcon={<Plus />} disabled={disabled} onClick={insertPlaceholder}>
            {t('templates.editor.insert', 'Insert {placeholder}', { placeholder: `{{${(placeholders.at(-1) ?? 0) + 1}}}` })}
          </Button>
        </Flex>
        <Textarea
          ref={bodyRef}
          value={form.body}
          disabled={disabled}
          rows={5}
          style={{ minHeight: '12rem' }}
          placeholder={t('templates.editor.body.placeholder', 'Hi {first}, your interview is on {second}.', { first: '{{1}}', second: '{{2}}' })}
          onChange={(event: { target: { value: string } }) => set('body', event.target.value)}
        />
        <Field.Error />
        <Field.Hint />
      </Field.Root>

      {placeholders.length > 0 && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {t('templates.editor.samples', 'Sample values (WhatsApp reviews the template with them)')}
          </Typography>
          <Grid.Root gap={3} paddingTop={2}>
            {placeholders.map((n) => (
              <Grid.Item key={n} col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`sample-${n}`}
                  required
                  error={showAll && issues.samples?.includes(n) ? t('templates.editor.sample.error', 'A sample value is required') : undefined}
                >
                  <Field.Label>{t('templates.editor.sample', 'Sample for {placeholder}', { placeholder: `{{${n}}}` })}</Field.Label>
                  <TextInput
                    value={form.samples[String(n)] ?? ''}
                    disabled={disabled}
                    onChange={(event: { target: { value: string } }) => set('samples', { ...form.samples, [String(n)]: event.target.value })}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            ))}
          </Grid.Root>
        </Box>
      )}

      <Field.Root name="header" hint={t('templates.editor.extras.hint', 'A template has header media or quick-reply buttons, not both.')}>
        <Field.Label>{t('templates.editor.extras', 'Media and buttons')}</Field.Label>
        <SingleSelect value={form.header} disabled={disabled} onChange={(value: string | number) => set('header', String(value) as HeaderKind)}>
          <SingleSelectOption value="none">{t('templates.editor.extras.none', 'Text only')}</SingleSelectOption>
          <SingleSelectOption value="media">{t('templates.editor.extras.media', 'Header media (image, video or document)')}</SingleSelectOption>
          <SingleSelectOption value="quickReplies">{t('templates.editor.extras.quickReplies', 'Quick-reply buttons')}</SingleSelectOption>
        </SingleSelect>
        <Field.Hint />
      </Field.Root>

      {form.header === 'media' && (
        <Field.Root
          name="mediaUrl"
          required
          error={shown('mediaUrl', form.mediaUrl) ? t('templates.editor.media.error', 'A public https URL of the file') : undefined}
          hint={t('templates.editor.media.hint', 'A public https URL WhatsApp can download, e.g. https://example.com/poster.png')}
        >
          <Field.Label>{t('templates.editor.media', 'Media URL')}</Field.Label>
          <TextInput value={form.mediaUrl} disabled={disabled} onChange={(event: { target: { value: string } }) => set('mediaUrl', event.target.value)} />
          <Field.Error />
          <Field.Hint />
        </Field.Root>
      )}

      {form.header === 'quickReplies' && (
        <Box>
          <Typography variant="sigma" textColor="neutral600">
            {t('templates.editor.replies', 'Buttons (up to {max}, {length} characters each)', { max: QUICK_REPLY_MAX, length: QUICK_REPLY_TITLE_MAX })}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {form.quickReplies.map((title, index) => (
              <Flex key={index} gap={2}>
                <Box flex="1">
                  <Field.Root name={`reply-${index}`} error={showAll && issues.quickReplies && title.length > QUICK_REPLY_TITLE_MAX ? t('templates.editor.reply.error', 'Too long') : undefined}>
                    <TextInput
                      aria-label={t('templates.editor.reply', 'Button {number}', { number: index + 1 })}
                      value={title}
                      maxLength={QUICK_REPLY_TITLE_MAX}
                      disabled={disabled}
                      onChange={(event: { target: { value: string } }) => setReply(index, event.target.value)}
                    />
                    <Field.Error />
                  </Field.Root>
                </Box>
                <IconButton
                  label={t('templates.editor.reply.remove', 'Remove this button')}
                  disabled={disabled || form.quickReplies.length === 1}
                  onClick={() => set('quickReplies', form.quickReplies.filter((_, i) => i !== index))}
                >
                  <Trash />
                </IconButton>
              </Flex>
            ))}
            <Box>
              <Button
                variant="tertiary"
                size="S"
                startIcon={<Plus />}
                disabled={disabled || form.quickReplies.length >= QUICK_REPLY_MAX}
                onClick={() => set('quickReplies', [...form.quickReplies, ''])}
              >
                {t('templates.editor.reply.add', 'Add a button')}
              </Button>
            </Box>
            {showAll && issues.quickReplies && (
              <Typography variant="pi" textColor="danger600">
                {t('templates.editor.replies.error', 'Give at least one button a title.')}
              </Typography>
            )}
          </Flex>
        </Box>
      )}
    </Flex>
  );
};
