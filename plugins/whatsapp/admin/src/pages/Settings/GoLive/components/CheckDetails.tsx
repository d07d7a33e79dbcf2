import { Box, Flex, Typography } from '@strapi/design-system';
import type { GoLiveCheck } from '../../../../api/go-live';
import { useFormatDateTime, useTranslate } from '../../../../utils/useTranslate';

type Sender = { sender: string; type: string };

/** The figures of a check worth showing beside its reason: senders, webhook, join text, counts. */
export const CheckDetails = ({ check }: { check: GoLiveCheck }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const details = check.details;
  const rows: Array<{ label: string; value: string }> = [];

  const senders = details.senders as Sender[] | undefined;
  if (senders?.length) rows.push({ label: t('goLive.details.senders', 'Senders'), value: senders.map((entry) => `${entry.sender} (${entry.type})`).join(', ') });
  const configured = details.configured as { url: string | null; method: string | null } | null | undefined;
  if (check.id === 'webhook' && typeof details.expected === 'string') {
    rows.push({ label: t('goLive.details.expected', 'This app’s webhook'), value: `${details.expected} (POST)` });
    if (configured) rows.push({ label: t('goLive.details.configured', 'Set at Twilio'), value: configured.url ? `${configured.url} (${configured.method ?? 'POST'})` : '—' });
  }
  if (check.id === 'templates') {
    rows.push({
      label: t('goLive.details.templates', 'Approved / pending / rejected'),
      value: `${String(details.approved)} / ${String(details.pending)} / ${String(details.rejected)}`,
    });
    rows.push({ label: t('goLive.details.lastSync', 'Last sync'), value: formatDateTime(details.lastSyncedAt as string | null) });
  }
  if (check.id === 'status-callbacks') {
    rows.push({ label: t('goLive.details.lastCallback', 'Last callback'), value: formatDateTime(details.lastCallbackAt as string | null) });
    rows.push({
      label: t('goLive.details.withoutCallback', 'Recent sends without a callback'),
      value: `${String(details.withoutCallback)} / ${String(details.recentSends)}`,
    });
  }
  if (check.id === 'sandbox') {
    rows.push({ label: t('goLive.details.failures63015', 'Failures 63015 (last 7 days)'), value: String(details.failures) });
  }
  // Shown beside the reason while in the sandbox, unless the fix already is the join text.
  const join = check.id === 'sandbox' && details.inSandbox === true && check.fix !== details.joinInstructions ? (details.joinInstructions as string) : null;

  if (!rows.length && !join) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      {rows.map((row) => (
        <Typography key={row.label} variant="pi" textColor="neutral600">
          <Typography variant="pi" fontWeight="semiBold">{row.label}:</Typography> {row.value}
        </Typography>
      ))}
      {join && (
        <Box background="primary100" padding={3} hasRadius>
          <Typography variant="pi">{join}</Typography>
        </Box>
      )}
    </Flex>
  );
};
