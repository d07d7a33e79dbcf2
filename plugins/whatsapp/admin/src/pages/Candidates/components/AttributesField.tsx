import { Box, Button, Field, Flex, IconButton, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useTranslate } from '../../../utils/useTranslate';

/** One attribute being edited; `original` keeps a number or yes/no the candidate had, if left as is. */
export type AttributeRow = { key: string; value: string; original?: unknown };

export const rowsOf = (attributes: Record<string, unknown>): AttributeRow[] =>
  Object.entries(attributes).map(([key, value]) => ({ key, value: value === null ? '' : String(value), original: value }));

export const attributesOf = (rows: AttributeRow[]): Record<string, string | number | boolean | null> => {
  const out: Record<string, string | number | boolean | null> = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) continue;
    const unchanged = row.original !== undefined && row.original !== null && String(row.original) === row.value;
    out[key] = unchanged ? (row.original as string | number | boolean) : row.value;
  }
  return out;
};

/** Attributes (usable in templates) as key / value rows. */
export const AttributesField = ({ rows, onChange }: { rows: AttributeRow[]; onChange: (rows: AttributeRow[]) => void }) => {
  const t = useTranslate();
  const set = (index: number, change: Partial<AttributeRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const keys = rows.map((row) => row.key.trim());
  return (
    <Box>
      <Typography variant="pi" fontWeight="bold" tag="p">
        {t('candidates.form.attributes', 'Attributes')}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('candidates.form.attributes.hint', 'Values a campaign can put in a template, such as city or course.')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {rows.map((row, index) => {
          const duplicate = row.key.trim() !== '' && keys.indexOf(row.key.trim()) !== index;
          return (
            <Flex key={index} gap={2} alignItems="flex-start">
              <Field.Root name={`attribute-key-${index}`} error={duplicate ? t('candidates.form.attributes.duplicate', 'Already used') : undefined}>
                <TextInput
                  aria-label={t('candidates.form.attributes.key', 'Attribute name')}
                  placeholder={t('candidates.form.attributes.keyPlaceholder', 'city')}
                  value={row.key}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(index, { key: event.target.value })}
                />
                <Field.Error />
              </Field.Root>
              <Box flex="1">
                <TextInput
                  aria-label={t('candidates.form.attributes.value', 'Value of {key}', { key: row.key || '…' })}
                  placeholder={t('candidates.form.attributes.valuePlaceholder', 'Pune')}
                  value={row.value}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => set(index, { value: event.target.value })}
                />
              </Box>
              <IconButton label={t('candidates.form.attributes.remove', 'Remove attribute')} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                <Trash />
              </IconButton>
            </Flex>
          );
        })}
        <Box>
          <Button variant="tertiary" startIcon={<Plus />} onClick={() => onChange([...rows, { key: '', value: '' }])}>
            {t('candidates.form.attributes.add', 'Add an attribute')}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};
