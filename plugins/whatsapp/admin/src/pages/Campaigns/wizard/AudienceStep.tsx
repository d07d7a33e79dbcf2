import { Alert, Box, Button, DatePicker, Field, Flex, Grid, IconButton, SingleSelect, SingleSelectOption, Tag, TextInput, Typography } from '@strapi/design-system';
import { candidateLabel } from './state';
import { Cross, Plus, Trash } from '@strapi/icons';
import type { OptInState } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';
import { CandidatePicker } from './CandidatePicker';
import type { AudienceForm } from './state';
import { TagRule } from './TagRule';

const ANY = 'any';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box padding={4} hasRadius borderColor="neutral200">
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    <Box paddingTop={3}>{children}</Box>
  </Box>
);

/**
 * Who the campaign goes to: candidates picked by hand, plus everyone who meets the tag rules and
 * filters (each candidate once).
 */
export const AudienceStep = ({ form, onChange }: { form: AudienceForm; onChange: (form: AudienceForm) => void }) => {
  const t = useTranslate();
  const set = (change: Partial<AudienceForm>) => onChange({ ...form, ...change });
  const setAttribute = (index: number, change: Partial<{ key: string; value: string }>) =>
    set({ attributeEquals: form.attributeEquals.map((row, at) => (at === index ? { ...row, ...change } : row)) });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Section title={t('wizard.audience.chosen', 'Candidates picked by hand')}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          {form.candidates.length > 0 && (
            <Flex gap={1} wrap="wrap" data-testid="chosen-candidates">
              {form.candidates.map((candidate) => (
                <Tag
                  key={candidate.documentId}
                  icon={<Cross />}
                  label={t('wizard.audience.unpick', 'Remove {name}', { name: candidate.label })}
                  onClick={() => set({ candidates: form.candidates.filter((kept) => kept.documentId !== candidate.documentId) })}
                >
                  {candidate.label}
                </Tag>
              ))}
            </Flex>
          )}
          <CandidatePicker
            label={t('wizard.audience.pick', 'Add a candidate')}
            onPick={(candidate) =>
              form.candidates.some((kept) => kept.documentId === candidate.documentId)
                ? undefined
                : set({ candidates: [...form.candidates, { documentId: candidate.documentId, label: candidateLabel(candidate) }] })
            }
          />
        </Flex>
      </Section>
      <Section title={t('wizard.audience.rules', 'And everyone who…')}>
        <Grid.Root gap={4}>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <TagRule label={t('wizard.audience.anyOf', 'Has any of these tags')} hint={t('wizard.audience.anyOf.hint', 'At least one of them')} tags={form.anyOf} onChange={(anyOf) => set({ anyOf })} />
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <TagRule label={t('wizard.audience.allOf', 'Has all of these tags')} hint={t('wizard.audience.allOf.hint', 'Every one of them')} tags={form.allOf} onChange={(allOf) => set({ allOf })} />
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <TagRule label={t('wizard.audience.noneOf', 'Has none of these tags')} hint={t('wizard.audience.noneOf.hint', 'Leaves them out')} tags={form.noneOf} onChange={(noneOf) => set({ noneOf })} />
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="optIn">
              <Field.Label>{t('wizard.audience.optIn', 'Opt-in')}</Field.Label>
              <SingleSelect value={form.optIn ?? ANY} onChange={(value: string | number) => set({ optIn: value === ANY ? null : (value as OptInState) })}>
                <SingleSelectOption value={ANY}>{t('candidates.filter.optIn.any', 'Any opt-in state')}</SingleSelectOption>
                <SingleSelectOption value="opted_in">{t('candidates.optIn.opted_in', 'Opted in')}</SingleSelectOption>
                <SingleSelectOption value="unknown">{t('candidates.optIn.unknown', 'Not asked')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Field.Root name="wroteAfter">
              <Field.Label>{t('wizard.audience.wroteAfter', 'Wrote to us after')}</Field.Label>
              <DatePicker
                value={form.wroteAfter ? new Date(form.wroteAfter) : undefined}
                onChange={(date: Date | undefined) => set({ wroteAfter: date ? date.toISOString() : null })}
                onClear={() => set({ wroteAfter: null })}
                clearLabel={t('wizard.audience.wroteAfter.clear', 'Clear the date')}
              />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        <Box paddingTop={4}>
          <Typography variant="pi" fontWeight="bold" tag="p">
            {t('wizard.audience.attributes', 'Has an attribute with this value')}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {form.attributeEquals.map((row, index) => (
              <Flex key={index} gap={2}>
                <TextInput aria-label={t('wizard.audience.attributeKey', 'Attribute')} placeholder="city" value={row.key} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAttribute(index, { key: event.target.value })} />
                <Typography>=</Typography>
                <TextInput aria-label={t('wizard.audience.attributeValue', 'Value')} placeholder="Pune" value={row.value} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAttribute(index, { value: event.target.value })} />
                <IconButton label={t('wizard.audience.attributeRemove', 'Remove this condition')} onClick={() => set({ attributeEquals: form.attributeEquals.filter((_, at) => at !== index) })}>
                  <Trash />
                </IconButton>
              </Flex>
            ))}
            <Box>
              <Button variant="tertiary" startIcon={<Plus />} onClick={() => set({ attributeEquals: [...form.attributeEquals, { key: '', value: '' }] })}>
                {t('wizard.audience.attributeAdd', 'Add an attribute condition')}
              </Button>
            </Box>
          </Flex>
        </Box>
        {form.otherFilters && (
          <Box paddingTop={4}>
            <Alert variant="default" closeLabel={t('inbox.close', 'Close')} onClose={() => set({ otherFilters: null })} title={t('wizard.audience.other.title', 'More filters')}>
              {t('wizard.audience.other', 'This campaign also has filters written through the API; they are kept. Close this to remove them.')}
            </Alert>
          </Box>
        )}
      </Section>
    </Flex>
  );
};
