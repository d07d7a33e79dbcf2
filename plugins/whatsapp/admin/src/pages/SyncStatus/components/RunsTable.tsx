import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead } from '../../../components/TableHead';
import type { SyncRunView } from '../../../api/sync-status';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';
import { RunStateBadge } from './RunStateBadge';

const COLUMNS = 7;

const useScopeLabel = () => {
  const t = useTranslate();
  return (scope: SyncRunView['scope']) => {
    if (scope.kind === 'campaign') return t('sync.scope.campaign', 'One campaign');
    if (scope.kind === 'messages') return t('sync.scope.messages', '{count} messages', { count: scope.messages.length });
    return t('sync.scope.all', 'Everything pending');
  };
};

/** The last runs, newest first. */
export const RunsTable = ({ runs }: { runs: SyncRunView[] }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const scopeLabel = useScopeLabel();
  return (
    <Table colCount={COLUMNS} rowCount={runs.length + 1}>
      <TableHead
        labels={[
          t('sync.runs.requested', 'Requested'),
          t('sync.runs.trigger', 'Trigger'),
          t('sync.runs.scope', 'Scope'),
          t('sync.runs.state', 'State'),
          t('sync.runs.checked', 'Checked'),
          t('sync.runs.changed', 'Changed'),
          t('sync.runs.problems', 'Stuck / errors'),
        ]}
      />
      <Tbody>
        {runs.length === 0 && (
          <Tr>
            <Td colSpan={COLUMNS}>
              <Typography textColor="neutral600">{t('sync.runs.none', 'No sync has run yet.')}</Typography>
            </Td>
          </Tr>
        )}
        {runs.map((run) => (
          <Tr key={run.id}>
            <Td>
              <Typography variant="pi">{formatDateTime(run.requestedAt)}</Typography>
            </Td>
            <Td>
              <Typography>
                {run.trigger === 'manual' ? t('sync.trigger.manual', 'By hand') : t('sync.trigger.schedule', 'Scheduled')}
              </Typography>
            </Td>
            <Td>
              <Typography>{scopeLabel(run.scope)}</Typography>
            </Td>
            <Td>
              <RunStateBadge state={run.state} />
            </Td>
            <Td>
              <Typography>{`${run.checked} / ${run.total}`}</Typography>
            </Td>
            <Td>
              <Typography>{run.changed}</Typography>
            </Td>
            <Td>
              <Typography>{`${run.stuck} / ${run.errorCount}`}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
