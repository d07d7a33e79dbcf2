import { Box, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { VariableMapping, VariableSource, WizardTemplate } from '../../../api/campaigns';
import type { CandidateView } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';

type Choice = 'name' | 'phone' | 'email' | 'attribute' | 'text';

const CHOICES: Array<{ value: Choice; label: string }> = [
  { value: 'name', label: "The candidate's name" },
  { value: 'phone', label: "The candidate's number" },
  { value: 'email', label: "The candidate's e-mail" },
  { value: 'attribute', label: 'One of their attributes' },
  { value: 'text', label: 'The same text for everyone' },
];

const choiceOf = (source: VariableSource | undefined): Choice | '' =>
  !source ? '' : source.source === 'field' ? source.field : source.source;

const sourceFor = (choice: Choice, previous: VariableSource | undefined): VariableSource => {
  if (choice === 'attribute') return { source: 'attribute', key: previous?.source === 'attribute' ? previous.key : '' };
  if (choice === 'text') return { source: 'text', value: previous?.source === 'text' ? previous.value : '' };
  return { source: 'field', field: choice };
};

type Props = { template: WizardTemplate; mapping: VariableMapping; onChange: (mapping: VariableMapping) => void; sample: CandidateView | null };

/** For each placeholder: a candidate field, one of their attributes, or a fixed text. */
export const MappingStep = ({ template, mapping, onChange, sample }: Props) => {
  const t = useTranslate();
  const attributeKeys = Object.keys(sample?.attributes ?? {});
  const set = (n: number, source: VariableSource) => onChange({ ...mapping, [String(n)]: source });
  if (template.placeholders.length === 0) {
    return <Typography textColor="neutral600">{t('wizard.mapping.none', 'This template has no placeholders: everyone gets the same text.')}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {template.placeholders.map((n) => {
        const source = mapping[String(n)];
        return (
          <Flex key={n} gap={3} alignItems="flex-end" data-placeholder={n}>
            <Box width="26rem">
              <Field.Root name={`source-${n}`}>
                <Field.Label>{t('wizard.mapping.sourceOf', '{placeholder} is filled with', { placeholder: `{{${n}}}` })}</Field.Label>
                <SingleSelect
                  placeholder={t('wizard.mapping.choose', 'Choose…')}
                  value={choiceOf(source)}
                  onChange={(value: string | number) => set(n, sourceFor(value as Choice, source))}
                >
                  {CHOICES.map((choice) => (
                    <SingleSelectOption key={choice.value} value={choice.value}>
                      {t(`wizard.mapping.choice.${choice.value}`, choice.label)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {source?.source === 'attribute' && (
              <Box flex="1">
                <Field.Root name={`attribute-${n}`} hint={attributeKeys.length ? t('wizard.mapping.attributeHint', 'This candidate has: {keys}', { keys: attributeKeys.join(', ') }) : undefined}>
                  <Field.Label>{t('wizard.mapping.attributeOf', 'Attribute for {placeholder}', { placeholder: `{{${n}}}` })}</Field.Label>
                  <TextInput
                    placeholder={t('wizard.mapping.attributePlaceholder', 'city')}
                    value={source.key}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(n, { source: 'attribute', key: event.target.value })}
                  />
                  <Field.Hint />
                </Field.Root>
              </Box>
            )}
            {source?.source === 'text' && (
              <Box flex="1">
                <Field.Root name={`text-${n}`}>
                  <Field.Label>{t('wizard.mapping.textOf', 'Text for {placeholder}', { placeholder: `{{${n}}}` })}</Field.Label>
                  <TextInput
                    value={source.value}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(n, { source: 'text', value: event.target.value })}
                  />
                </Field.Root>
              </Box>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};
