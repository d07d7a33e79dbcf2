import { Box, Flex, Typography } from '@strapi/design-system';
import type { SyncRunView } from '../../../api/sync-status';
import { Meter } from '../../../components/Meter';
import { useTranslate } from '../../../utils/useTranslate';
import { RunStateBadge } from './RunStateBadge';

/** The run being followed: how many messages were asked about out of how many, and what changed. */
export const RunProgress = ({ run }: { run: SyncRunView }) => {
  const t = useTranslate();
  const percent = run.total > 0 ? Math.round((run.checked / run.total) * 100) : run.state === 'completed' ? 100 : 0;
  const label = t('sync.run.progress', '{checked} of {total} messages checked', { checked: run.checked, total: run.total });
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid="sync-run">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex gap={2}>
          <Typography variant="delta" tag="h2">
            {t('sync.run.title', 'Sync run')}
          </Typography>
          <RunStateBadge state={run.state} />
        </Flex>
        <Flex gap={2} alignItems="center">
          <Meter percent={percent} label={label} height="1rem" />
          <Typography variant="pi" textColor="neutral600">
            {label}
          </Typography>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('sync.run.counts', '{changed} changed · {stuck} stuck · {errors} errors · {rateLimited} rate-limited', {
            changed: run.changed,
            stuck: run.stuck,
            errors: run.errorCount,
            rateLimited: run.rateLimited,
          })}
        </Typography>
        {run.failureReason && <Typography textColor="danger600">{run.failureReason}</Typography>}
      </Flex>
    </Box>
  );
};
