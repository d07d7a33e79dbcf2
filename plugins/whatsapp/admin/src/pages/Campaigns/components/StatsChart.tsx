import { Box, Flex, Typography } from '@strapi/design-system';
import type { AdminCampaignView } from '../../../api/campaigns';
import { Meter } from '../../../components/Meter';
import { useTranslate } from '../../../utils/useTranslate';

type Stats = AdminCampaignView['stats'];
type Bar = { key: keyof Stats & string; label: string; color: string; always: boolean };

/** One bar per recipient status; `pending` and `canceled` only when some are. */
const BARS: Bar[] = [
  { key: 'pending', label: 'Waiting', color: 'neutral300', always: false },
  { key: 'queued', label: 'Queued', color: 'neutral500', always: true },
  { key: 'sent', label: 'Sent', color: 'primary500', always: true },
  { key: 'delivered', label: 'Delivered', color: 'success500', always: true },
  { key: 'read', label: 'Read', color: 'success700', always: true },
  { key: 'failed', label: 'Failed', color: 'danger600', always: true },
  { key: 'undelivered', label: 'Undelivered', color: 'warning600', always: true },
  { key: 'skipped', label: 'Skipped', color: 'neutral400', always: true },
  { key: 'canceled', label: 'Canceled', color: 'neutral400', always: false },
  { key: 'replied', label: 'Replied', color: 'alternative500', always: true },
];

/** Recipients per status as horizontal bars, each as wide as its share of all recipients. */
export const StatsChart = ({ stats }: { stats: Stats }) => {
  const t = useTranslate();
  const count = (key: Bar['key']) => (typeof stats[key] === 'number' ? (stats[key] as number) : 0);
  const bars = BARS.filter((bar) => bar.always || count(bar.key) > 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} role="list" aria-label={t('campaigns.stats.label', 'Recipients by status')}>
      {bars.map((bar) => {
        const value = count(bar.key);
        const share = stats.total > 0 ? (value / stats.total) * 100 : 0;
        const label = t(`campaigns.stats.${bar.key}`, bar.label);
        return (
          <Flex key={bar.key} gap={3} alignItems="center" role="listitem" data-status={bar.key} aria-label={`${label}: ${value}`}>
            <Box width="10rem" style={{ flexShrink: 0 }}>
              <Typography variant="omega">{label}</Typography>
            </Box>
            <Meter percent={share} color={bar.color} height="1.2rem" />
            <Box width="4rem" style={{ flexShrink: 0, textAlign: 'right' }}>
              <Typography variant="omega" fontWeight="bold">
                {value}
              </Typography>
            </Box>
          </Flex>
        );
      })}
    </Flex>
  );
};
