import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme, type DefaultTheme } from 'styled-components';
import { useCampaignTimelineQuery, type TimelineBucketSize, type TimelineSeries } from '../../../api/campaign-timeline';
import { useQueryErrorNotification } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

type ThemeColor = keyof DefaultTheme['colors'];

/** The same colour per state as the "Recipients by status" bars. */
const SERIES: Array<{ key: TimelineSeries; label: string; color: ThemeColor }> = [
  { key: 'sent', label: 'Sent', color: 'primary500' },
  { key: 'delivered', label: 'Delivered', color: 'success500' },
  { key: 'read', label: 'Read', color: 'success700' },
  { key: 'failed', label: 'Failed', color: 'danger600' },
  { key: 'replied', label: 'Replies', color: 'alternative500' },
];

const TICK_FORMAT: Record<TimelineBucketSize, Intl.DateTimeFormatOptions> = {
  minute: { hour: '2-digit', minute: '2-digit' },
  hour: { day: 'numeric', month: 'short', hour: '2-digit' },
  day: { day: 'numeric', month: 'short' },
};

const TOOLTIP_FORMAT: Record<TimelineBucketSize, Intl.DateTimeFormatOptions> = {
  minute: { dateStyle: 'medium', timeStyle: 'short' },
  hour: { dateStyle: 'medium', timeStyle: 'short' },
  day: { dateStyle: 'medium' },
};

/**
 * Messages of the campaign over time: sent, delivered, read, failed and replies per minute, hour
 * or day (the server picks by the campaign's span). Colours and type come from the admin theme.
 */
export const TimelineChart = ({ campaignId, live }: { campaignId: string; live: boolean }) => {
  const t = useTranslate();
  const theme = useTheme();
  const { formatDate } = useIntl();
  const timeline = useCampaignTimelineQuery(campaignId, live);
  useQueryErrorNotification(timeline.error);

  if (timeline.isLoading) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader small>{t('campaigns.timeline.loading', 'Loading the timeline…')}</Loader>
      </Flex>
    );
  }
  const data = timeline.data;
  if (!data || !data.bucketSize || data.buckets.length === 0) {
    return (
      <EmptyStateLayout
        content={t('campaigns.timeline.empty', 'Nothing sent yet: the timeline fills in as messages go out, are delivered, read and answered.')}
      />
    );
  }
  const size = data.bucketSize;
  const rows = data.buckets.map((bucket) => ({ ...bucket, time: Date.parse(bucket.at) }));
  const axisText = { fill: theme.colors.neutral600, fontSize: 12, fontFamily: 'inherit' };
  const unit = t(`campaigns.timeline.per.${size}`, size === 'minute' ? 'per minute' : size === 'hour' ? 'per hour' : 'per day');

  type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ dataKey?: unknown; value?: unknown }>; label?: unknown };
  const tooltipContent = ({ active, payload, label }: TooltipProps) => {
    if (!active || !payload?.length) return null;
    return (
      <Box background="neutral0" hasRadius shadow="popupShadow" padding={3}>
        <Typography variant="sigma" textColor="neutral600">
          {formatDate(Number(label), TOOLTIP_FORMAT[size])}
        </Typography>
        {SERIES.map((series) => {
          const value = Number(payload.find((item) => item.dataKey === series.key)?.value ?? 0);
          return (
            <Flex key={series.key} gap={2} paddingTop={1}>
              <Box width="0.8rem" height="0.8rem" hasRadius background={series.color} />
              <Typography variant="pi">{t(`campaigns.timeline.${series.key}`, series.label)}</Typography>
              <Typography variant="pi" fontWeight="bold">
                {value}
              </Typography>
            </Flex>
          );
        })}
      </Box>
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="campaign-timeline">
      <Flex gap={4} wrap="wrap" role="list" aria-label={t('campaigns.timeline.legend', 'Series')}>
        {SERIES.map((series) => (
          <Flex key={series.key} gap={2} role="listitem" data-series={series.key}>
            <Box width="1.2rem" height="0.4rem" hasRadius background={series.color} />
            <Typography variant="pi" textColor="neutral700">
              {t(`campaigns.timeline.${series.key}`, series.label)}
            </Typography>
            <Typography variant="pi" fontWeight="bold">
              {data.totals[series.key]}
            </Typography>
          </Flex>
        ))}
        <Typography variant="pi" textColor="neutral500">
          {unit}
        </Typography>
      </Flex>
      <Box height="28rem">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke={theme.colors.neutral150} vertical={false} />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(value: number) => formatDate(value, TICK_FORMAT[size])}
              tick={axisText}
              stroke={theme.colors.neutral300}
              minTickGap={24}
            />
            <YAxis allowDecimals={false} tick={axisText} stroke={theme.colors.neutral300} width={48} />
            <Tooltip content={(props) => tooltipContent(props)} cursor={{ stroke: theme.colors.neutral300 }} />
            {SERIES.map((series) => (
              <Line
                key={series.key}
                type="monotone"
                dataKey={series.key}
                name={t(`campaigns.timeline.${series.key}`, series.label)}
                stroke={theme.colors[series.color]}
                strokeWidth={2}
                dot={rows.length === 1}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Flex>
  );
};
