import { Box, DateTimePicker, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { useTranslate } from '../../../utils/useTranslate';
import type { When } from './state';

type Props = { when: When; scheduledAt: Date | null; onChange: (change: { when?: When; scheduledAt?: Date | null }) => void };

/** Launch now, schedule (in the admin's own time zone, stored in UTC), or keep as a draft. */
export const LaunchStep = ({ when, scheduledAt, onChange }: Props) => {
  const t = useTranslate();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Radio.Group aria-label={t('wizard.when.label', 'When')} value={when} onValueChange={(value: string) => onChange({ when: value as When })}>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Radio.Item value="now">{t('wizard.when.now', 'Launch now')}</Radio.Item>
          <Radio.Item value="schedule">{t('wizard.when.schedule', 'Schedule for later')}</Radio.Item>
          <Radio.Item value="draft">{t('wizard.when.draft', 'Save as a draft')}</Radio.Item>
        </Flex>
      </Radio.Group>
      {when === 'schedule' && (
        <Box width="40rem">
          <Field.Root name="scheduledAt" required hint={t('wizard.when.zone', 'In your time zone ({zone}); stored as {utc}', { zone, utc: scheduledAt ? scheduledAt.toISOString() : '—' })}>
            <Field.Label>{t('wizard.when.at', 'Send at')}</Field.Label>
            <DateTimePicker value={scheduledAt} onChange={(date: Date | undefined) => onChange({ scheduledAt: date ?? null })} clearLabel={t('wizard.when.clear', 'Clear')} onClear={() => onChange({ scheduledAt: null })} />
            <Field.Hint />
          </Field.Root>
        </Box>
      )}
      {when === 'draft' && (
        <Typography textColor="neutral600">{t('wizard.when.draftHint', 'Nothing is sent. You can come back to it from the Campaigns page.')}</Typography>
      )}
    </Flex>
  );
};
