import { Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ATTRIBUTE_TARGET_PREFIX, attributeKeyOf, type ImportField, type ImportMapping, type ImportTarget } from '../../../../../shared/candidate-import';
import { useTranslate } from '../../../utils/useTranslate';

type Choice = ImportField | 'attribute';

const CHOICES: Array<{ value: Choice; label: string }> = [
  { value: 'phone', label: 'Phone number' },
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'E-mail' },
  { value: 'tags', label: 'Tags (a;b or a,b)' },
  { value: 'attribute', label: 'Attribute' },
  { value: 'ignore', label: 'Ignore' },
];

const choiceOf = (target: ImportTarget | undefined): Choice => (target?.startsWith(ATTRIBUTE_TARGET_PREFIX) ? 'attribute' : ((target as ImportField | undefined) ?? 'ignore'));

type Props = { headers: string[]; samples: string[][]; mapping: ImportMapping; onChange: (mapping: ImportMapping) => void };

/** One line per column of the file: its first values and where it goes. */
export const ColumnMapper = ({ headers, samples, mapping, onChange }: Props) => {
  const t = useTranslate();
  const set = (header: string, target: ImportTarget) => onChange({ ...mapping, [header]: target });
  return (
    <Table colCount={3} rowCount={headers.length + 1}>
      <Thead>
        <Tr>
          <Th>{t('import.mapper.column', 'Column in the file')}</Th>
          <Th>{t('import.mapper.samples', 'First values')}</Th>
          <Th>{t('import.mapper.target', 'Goes to')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {headers.map((header, index) => {
          const target = mapping[header];
          const choice = choiceOf(target);
          return (
            <Tr key={header} data-column={header}>
              <Td>
                <Typography fontWeight="bold">{header}</Typography>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600" ellipsis style={{ maxWidth: '24rem', display: 'block' }}>
                  {samples.map((row) => row[index]).filter(Boolean).join(' · ') || t('import.mapper.noSamples', '(empty)')}
                </Typography>
              </Td>
              <Td>
                <Flex gap={2} alignItems="center">
                  <Box minWidth="16rem">
                    <SingleSelect
                      aria-label={t('import.mapper.targetOf', 'Where "{header}" goes', { header })}
                      value={choice}
                      onChange={(value: string | number) => {
                        const next = value as Choice;
                        set(header, next === 'attribute' ? `${ATTRIBUTE_TARGET_PREFIX}${attributeKeyOf(header)}` : next);
                      }}
                    >
                      {CHOICES.map((option) => (
                        <SingleSelectOption key={option.value} value={option.value}>
                          {t(`import.mapper.choice.${option.value}`, option.label)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Box>
                  {choice === 'attribute' && (
                    <TextInput
                      aria-label={t('import.mapper.key', 'Attribute key of "{header}"', { header })}
                      value={target!.slice(ATTRIBUTE_TARGET_PREFIX.length)}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(header, `${ATTRIBUTE_TARGET_PREFIX}${event.target.value}`)}
                    />
                  )}
                </Flex>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};

/** What keeps the mapping from running, in words; null when it can run. */
export const mappingProblem = (mapping: ImportMapping, t: ReturnType<typeof useTranslate>): string | null => {
  const targets = Object.values(mapping);
  const phones = targets.filter((target) => target === 'phone').length;
  if (phones === 0) return t('import.mapper.needPhone', 'Choose the column with the phone numbers: candidates are matched by their number.');
  for (const field of ['phone', 'name', 'email'] as const) {
    if (targets.filter((target) => target === field).length > 1) return t('import.mapper.once', 'Only one column can go to {field}.', { field });
  }
  if (targets.some((target) => target.startsWith(ATTRIBUTE_TARGET_PREFIX) && !target.slice(ATTRIBUTE_TARGET_PREFIX.length).trim())) {
    return t('import.mapper.needKey', 'Give every attribute a key.');
  }
  return null;
};
