import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import { candidateLabel } from './state';
import type { AudiencePreview } from '../../../api/campaigns';
import { useTranslate } from '../../../utils/useTranslate';
import { WhatsAppBubble } from './WhatsAppBubble';

const REASONS: Array<{ key: keyof AudiencePreview['skippedBy']; label: string }> = [
  { key: 'opted_out', label: 'Opted out' },
  { key: 'invalid_phone', label: 'No valid number' },
  { key: 'duplicate_phone', label: 'Same number as another candidate' },
  { key: 'missing_variable', label: 'A placeholder has no value' },
];

/** How many would be sent and skipped and why, and a few of the messages, updated as the audience changes. */
export const PreviewPanel = ({ preview, loading }: { preview: AudiencePreview | undefined; loading: boolean }) => {
  const t = useTranslate();
  if (!preview) return loading ? <Loader small>{t('wizard.preview.loading', 'Counting…')}</Loader> : null;
  const skipped = REASONS.filter((reason) => preview.skippedBy[reason.key] > 0);
  const samples = preview.samples.filter((sample) => sample.send).slice(0, 2);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="audience-preview" aria-busy={loading}>
      <Flex gap={2} alignItems="baseline">
        <Typography variant="alpha" tag="p" data-testid="preview-send">
          {preview.send}
        </Typography>
        <Typography>{t('wizard.preview.send', '{count, plural, one {message will be sent} other {messages will be sent}}', { count: preview.send })}</Typography>
        {loading && <Loader small>{t('wizard.preview.loading', 'Counting…')}</Loader>}
      </Flex>
      <Typography textColor="neutral600" data-testid="preview-total">
        {t('wizard.preview.total', '{total, plural, one {# candidate} other {# candidates}} in the audience, {skipped} skipped', { total: preview.total, skipped: preview.skipped })}
      </Typography>
      {skipped.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={1}>
          {skipped.map((reason) => (
            <Flex key={reason.key} justifyContent="space-between" data-testid={`preview-skipped-${reason.key}`}>
              <Typography>{t(`wizard.preview.reason.${reason.key}`, reason.label)}</Typography>
              <Typography fontWeight="bold">{preview.skippedBy[reason.key]}</Typography>
            </Flex>
          ))}
        </Flex>
      )}
      {samples.map((sample) => (
        <Box key={sample.candidate.documentId}>
          <WhatsAppBubble text={sample.text} to={candidateLabel(sample.candidate)} missing={sample.missing} />
        </Box>
      ))}
    </Flex>
  );
};
