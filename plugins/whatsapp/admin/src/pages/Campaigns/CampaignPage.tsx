import { Link as RouterLink, useParams } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Alert, Box, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { isLive, useCampaignQuery } from '../../api/campaigns';
import { PLUGIN_ID } from '../../pluginId';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useFormatDateTime, useTranslate } from '../../utils/useTranslate';
import { CampaignActions } from './components/CampaignActions';
import { CampaignProgress } from './components/CampaignProgress';
import { CampaignStateBadge } from './components/CampaignStateBadge';
import { CampaignEditActions } from './components/CampaignEditActions';
import { RecipientsTable } from './components/RecipientsTable';
import { SkippedReasons } from './components/SkippedReasons';
import { StatsChart } from './components/StatsChart';
import { TimelineChart } from './components/TimelineChart';
import { DownloadCsvButton } from '../../components/DownloadCsvButton';

const Panel = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} height="100%">
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

/** One campaign: progress, stats, actions and recipients; refreshed every 2 s while it runs. */
export const CampaignPage = () => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const { id = '' } = useParams<{ id: string }>();
  const campaign = useCampaignQuery(id);

  useQueryErrorNotification(campaign.error);

  if (campaign.isLoading) return <Page.Loading />;
  if (!campaign.data) return <Page.Error />;
  const view = campaign.data;

  return (
    <Page.Main>
      <Page.Title>{view.name}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={`/plugins/${PLUGIN_ID}/campaigns`} startIcon={<ArrowLeft />}>
            {t('campaigns.back', 'All campaigns')}
          </Link>
        }
        title={view.name}
        subtitle={
          <Flex gap={2} paddingTop={1}>
            <CampaignStateBadge state={view.state} />
            <Typography textColor="neutral600">
              {view.template
                ? t('campaigns.detail.template', 'Template: {name}', { name: view.template.name })
                : t('campaigns.detail.noTemplate', 'No template chosen yet')}
            </Typography>
          </Flex>
        }
        primaryAction={<CampaignActions campaign={view} />}
        secondaryAction={<CampaignEditActions campaign={view} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {view.stateReason && <Alert variant="warning" closeLabel={t('inbox.close', 'Close')}>{view.stateReason}</Alert>}
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <CampaignProgress progress={view.progress} size="M" />
              <Typography variant="pi" textColor="neutral600">
                {[
                  view.scheduledAt && t('campaigns.detail.scheduledAt', 'Scheduled for {time}', { time: formatDateTime(view.scheduledAt) }),
                  view.startedAt && t('campaigns.detail.launchedAt', 'Launched {time}', { time: formatDateTime(view.startedAt) }),
                  view.completedAt && t('campaigns.detail.completedAt', 'Completed {time}', { time: formatDateTime(view.completedAt) }),
                ]
                  .filter(Boolean)
                  .join(' · ') || t('campaigns.detail.notLaunched', 'Not launched yet')}
              </Typography>
            </Flex>
          </Box>
          <Grid.Root gap={6}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <Panel title={t('campaigns.stats.title', 'Recipients by status')}>
                <StatsChart stats={view.stats} />
              </Panel>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Panel title={t('campaigns.skipped.title', 'Why recipients were skipped')}>
                <SkippedReasons skippedBy={view.stats.skippedBy} />
              </Panel>
            </Grid.Item>
          </Grid.Root>
          <Panel title={t('campaigns.timeline.title', 'Messages over time')}>
            <TimelineChart campaignId={view.documentId} live={isLive(view)} />
          </Panel>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            {view.stats.total > 0 && (
              <Flex justifyContent="flex-end" paddingBottom={2}>
                <DownloadCsvButton kind="campaign-recipients" params={{ campaign: view.documentId }} label={t('campaigns.export', 'Download recipients (CSV)')} />
              </Flex>
            )}
            <RecipientsTable campaignId={view.documentId} running={isLive(view)} />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
