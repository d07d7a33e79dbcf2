import { useEffect } from 'react';
import { Box, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { extractPlaceholders } from '../../../shared/templates';
import type { SendableTemplate, SendCandidate } from '../api/inbox';
import { useTranslate } from '../utils/useTranslate';
import { WhatsAppPreview } from './WhatsAppPreview';

export type TemplateChoice = { template: string | null; variables: Record<string, string> };

/** Where a placeholder's value can come from: a candidate field or one of their attributes. */
type Source = { key: string; label: string; value: string };

const sourcesOf = (candidate: Pick<SendCandidate, 'name' | 'phone' | 'email' | 'attributes'> | null, t: ReturnType<typeof useTranslate>): Source[] => {
  if (!candidate) return [];
  const fields: Source[] = [
    { key: 'field:name', label: t('send.source.name', 'Name'), value: candidate.name ?? '' },
    { key: 'field:phone', label: t('send.source.phone', 'Phone'), value: candidate.phone },
    { key: 'field:email', label: t('send.source.email', 'Email'), value: candidate.email ?? '' },
  ].filter((source) => source.value !== '');
  const attributes = Object.entries(candidate.attributes ?? {})
    .filter(([, value]) => value !== null && typeof value !== 'object')
    .map(([key, value]) => ({ key: `attribute:${key}`, label: key, value: String(value) }));
  return [...fields, ...attributes];
};

const twilioExtras = (types: Record<string, unknown> | null) => {
  const quick = types?.['twilio/quick-reply'] as { actions?: Array<{ title?: string }> } | undefined;
  const media = types?.['twilio/media'] as { media?: string[] } | undefined;
  return {
    quickReplies: quick?.actions?.map((action) => ({ title: action.title ?? '' })),
    media: media?.media,
  };
};

type Props = {
  templates: SendableTemplate[];
  candidate: Pick<SendCandidate, 'name' | 'phone' | 'email' | 'attributes'> | null;
  value: TemplateChoice;
  disabled?: boolean;
  onChange: (value: TemplateChoice) => void;
};

/**
 * Choosing an approved template and its placeholder values: each value starts from the
 * candidate's name for {{1}} and can be filled from any of their fields or attributes, or typed;
 * the preview shows the message as it will arrive.
 */
export const TemplateMessageFields = ({ templates, candidate, value, disabled, onChange }: Props) => {
  const t = useTranslate();
  const template = templates.find((item) => item.documentId === value.template) ?? null;
  const placeholders = template ? extractPlaceholders(template.body) : [];
  const sources = sourcesOf(candidate, t);

  // A newly chosen template starts with {{1}} = the candidate's name, when there is one.
  useEffect(() => {
    if (!template) return;
    const name = candidate?.name?.trim();
    if (name && placeholders.includes(1) && value.variables['1'] === undefined) {
      onChange({ ...value, variables: { ...value.variables, '1': name } });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [template?.documentId, candidate?.name]);

  const setVariable = (n: number, text: string) => onChange({ ...value, variables: { ...value.variables, [String(n)]: text } });

  return (
    <Grid.Root gap={4}>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="template" required hint={templates.length === 0 ? t('send.template.none', 'No approved template yet: create one in Templates and have it approved.') : undefined}>
            <Field.Label>{t('send.template', 'Approved template')}</Field.Label>
            <SingleSelect
              value={value.template ?? undefined}
              disabled={disabled || templates.length === 0}
              placeholder={t('send.template.placeholder', 'Choose a template')}
              onChange={(chosen: string | number) => onChange({ template: String(chosen), variables: {} })}
            >
              {templates.map((item) => (
                <SingleSelectOption key={item.documentId} value={item.documentId}>
                  {`${item.name} (${item.language})`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Hint />
          </Field.Root>
          {placeholders.map((n) => (
            <Flex key={n} gap={2} alignItems="flex-end">
              <Box flex="1">
                <Field.Root name={`variable-${n}`} required>
                  <Field.Label>{t('send.variable', 'Value for {placeholder}', { placeholder: `{{${n}}}` })}</Field.Label>
                  <TextInput
                    value={value.variables[String(n)] ?? ''}
                    disabled={disabled}
                    placeholder={template?.variables?.[String(n)] ?? ''}
                    onChange={(event: { target: { value: string } }) => setVariable(n, event.target.value)}
                  />
                </Field.Root>
              </Box>
              {sources.length > 0 && (
                <Box width="14rem">
                  <SingleSelect
                    aria-label={t('send.source', 'Fill {placeholder} from', { placeholder: `{{${n}}}` })}
                    placeholder={t('send.source.placeholder', 'Fill from…')}
                    disabled={disabled}
                    value={undefined}
                    onChange={(key: string | number) => setVariable(n, sources.find((source) => source.key === key)?.value ?? '')}
                  >
                    {sources.map((source) => (
                      <SingleSelectOption key={source.key} value={source.key}>
                        {source.label}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Box>
              )}
            </Flex>
          ))}
        </Flex>
      </Grid.Item>
      <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
        {template ? (
          <WhatsAppPreview body={template.body} values={value.variables} {...twilioExtras(template.twilioTypes)} />
        ) : (
          <Box padding={4} hasRadius background="neutral100">
            <Typography textColor="neutral600">{t('send.preview.none', 'Choose a template to see the message.')}</Typography>
          </Box>
        )}
      </Grid.Item>
    </Grid.Root>
  );
};

/** Whether every placeholder of the chosen template has a value. */
export const choiceComplete = (templates: SendableTemplate[], value: TemplateChoice) => {
  const template = templates.find((item) => item.documentId === value.template);
  return Boolean(template) && extractPlaceholders(template!.body).every((n) => value.variables[String(n)]?.trim());
};
