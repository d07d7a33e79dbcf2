import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { ImportView } from '../../../../../shared/candidate-import';
import { isRunning, useRecentImports } from '../../../api/candidate-import';
import { Meter } from '../../../components/Meter';
import { useTranslate } from '../../../utils/useTranslate';
import { importPercent } from './ImportProgress';

/** Imports finished within this long ago are still shown, so their report is one click away. */
const RECENT_MS = 60 * 60 * 1000;

const worthShowing = (view: ImportView, now: number) =>
  isRunning(view) || view.state === 'dry-run-done' || view.state === 'uploaded' || now - new Date(view.updatedAt).getTime() < RECENT_MS;

/** Imports in progress or recent, above the candidates, each opening its import window. */
export const ImportBanner = ({ onOpen }: { onOpen: (id: string) => void }) => {
  const t = useTranslate();
  const recent = useRecentImports(true);
  const now = Date.now();
  const shown = (recent.data ?? []).filter((view) => worthShowing(view, now)).slice(0, 3);
  if (shown.length === 0) return null;
  const stateLabel = (view: ImportView) =>
    ({
      uploaded: t('import.banner.uploaded', 'waiting for its columns'),
      'dry-running': t('import.banner.dryRunning', 'dry run in progress'),
      'dry-run-done': t('import.banner.dryRunDone', 'dry run done, ready to import'),
      importing: t('import.banner.importing', 'importing'),
      done: t('import.banner.done', 'imported: {created} created, {updated} updated, {invalid} invalid', { ...view.counts }),
      failed: t('import.banner.failed', 'stopped on an error'),
    })[view.state];
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="import-banner">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">
          {t('import.banner.title', 'Imports')}
        </Typography>
        {shown.map((view) => (
          <Flex key={view.id} gap={4} alignItems="center" data-import={view.id} data-state={view.state}>
            <Box style={{ minWidth: '16rem' }}>
              <Typography fontWeight="bold">{view.fileName}</Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {stateLabel(view)}
              </Typography>
            </Box>
            {isRunning(view) ? <Meter percent={importPercent(view)} label={t('import.banner.progress', 'Progress of {file}', { file: view.fileName })} /> : <Box style={{ flex: 1 }} />}
            <Button variant="tertiary" size="S" onClick={() => onOpen(view.id)}>
              {t('import.banner.open', 'Open')}
            </Button>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};
