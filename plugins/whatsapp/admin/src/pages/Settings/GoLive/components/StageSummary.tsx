import { Alert, Flex, Typography } from '@strapi/design-system';
import type { GoLiveReport } from '../../../../api/go-live';
import { useFormatDateTime, useTranslate } from '../../../../utils/useTranslate';

const STAGES: Record<GoLiveReport['stage'], { label: string; variant: 'default' | 'warning' | 'success' | 'danger' }> = {
  'not-configured': { label: 'Not connected to Twilio yet', variant: 'danger' },
  emulator: { label: 'On the bundled Twilio emulator: nothing reaches real phones', variant: 'warning' },
  sandbox: { label: 'On the Twilio WhatsApp sandbox', variant: 'default' },
  'own-sender': { label: 'On your own WhatsApp sender', variant: 'success' },
};

/** Where the launch stands, the counts, and the next step. */
export const StageSummary = ({ report }: { report: GoLiveReport }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const stage = STAGES[report.stage];
  return (
    <Alert
      variant={report.nextStep ? stage.variant : 'success'}
      closeLabel={t('goLive.close', 'Close')}
      title={t(`goLive.stage.${report.stage}`, stage.label)}
      data-testid="go-live-summary"
    >
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography>
          {t('goLive.summary', '{ok} ok, {warning} warnings, {failing} failing (checked {at}).', {
            ok: report.summary.ok,
            warning: report.summary.warning,
            failing: report.summary.failing,
            at: formatDateTime(report.checkedAt),
          })}
        </Typography>
        {report.nextStep ? (
          <Typography>
            <Typography fontWeight="bold">{t('goLive.nextStep', 'Next step: {title}.', { title: report.nextStep.title })}</Typography>{' '}
            {report.nextStep.fix}
          </Typography>
        ) : (
          <Typography fontWeight="bold">{t('goLive.allOk', 'Every check passes: you are ready to go live.')}</Typography>
        )}
      </Flex>
    </Alert>
  );
};
