import { useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { actionUid } from '../../../../shared/permissions';
import { runFinished, syncKeys, useStartSync, useSyncOverview, useSyncRun } from '../../api/sync-status';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { Figure } from './components/Figure';
import { RunProgress } from './components/RunProgress';
import { RunsTable } from './components/RunsTable';
import { StuckMessages } from './components/StuckMessages';

const PERMISSIONS = [{ action: actionUid('syncRun'), subject: null }];

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box>
    <Box paddingBottom={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

/**
 * Delivery statuses Twilio never called back with: what still awaits a final status, the last
 * sync runs, and "Sync now" (sync.run) with the run followed until it ends.
 */
export const SyncStatusPage = () => {
  const t = useTranslate();
  const queryClient = useQueryClient();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const overview = useSyncOverview();
  const start = useStartSync();
  const [followed, setFollowed] = useState<string | null>(null);
  const run = useSyncRun(followed ?? overview.data?.current?.id ?? null);
  useQueryErrorNotification(overview.error);
  useQueryErrorNotification(run.error);

  const finished = run.data ? runFinished(run.data) : false;
  // When the followed run ends, the overview (runs, counts) is out of date.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: syncKeys.overview });
  }, [finished, queryClient]);

  const onSync = () =>
    start.mutate(undefined, {
      onError: notifyError,
      onSuccess: (answer) => {
        setFollowed(answer.runId);
        if (answer.alreadyRunning) {
          toggleNotification({ type: 'info', message: t('sync.alreadyRunning', 'A sync is already under way: following it.') });
        }
      },
    });

  const title = t('sync.title', 'Sync status');
  const busy = start.isPending || Boolean(run.data && !finished);
  const data = overview.data;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('sync.subtitle', 'Asks Twilio for the status of messages whose delivery callback never came')}
        primaryAction={
          allowedActions.canRun ? (
            <Button startIcon={<ArrowClockwise />} loading={busy} onClick={onSync}>
              {busy ? t('sync.running', 'Syncing…') : t('sync.now', 'Sync now')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        {overview.isLoading ? (
          <Page.Loading />
        ) : !data ? (
          <Page.Error />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {run.data && <RunProgress run={run.data} />}
            <Grid.Root gap={4}>
              {[
                { id: 'awaiting-final', label: t('sync.awaitingFinal', 'Messages awaiting a final status'), value: data.awaitingFinal },
                { id: 'awaiting-check', label: t('sync.awaitingCheck', 'Old enough for a sync to check'), value: data.awaitingCheck },
                { id: 'stuck', label: t('sync.stuckTotal', 'Messages that look stuck'), value: data.stuck.total },
              ].map((figure) => (
                <Grid.Item key={figure.id} col={4} s={12} direction="column" alignItems="stretch">
                  <Figure testId={figure.id} label={figure.label} value={figure.value} />
                </Grid.Item>
              ))}
            </Grid.Root>
            <Typography variant="pi" textColor="neutral600">
              {data.schedule.enabled
                ? t('sync.schedule.on', 'A sync runs every {minutes} min for messages older than {minAge} min.', {
                    minutes: data.schedule.intervalMinutes,
                    minAge: data.schedule.minAgeMinutes,
                  })
                : t('sync.schedule.off', 'No scheduled sync: messages are checked only when someone asks.')}
            </Typography>
            <Section title={t('sync.runs.title', 'Last runs')}>
              <RunsTable runs={data.runs} />
            </Section>
            <Section title={t('sync.stuck.title', 'Stuck messages')}>
              <StuckMessages messages={data.stuck.messages} />
            </Section>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
