import { Flex, Typography } from '@strapi/design-system';
import type { ImportView } from '../../../../../shared/candidate-import';
import { Meter } from '../../../components/Meter';
import { useTranslate } from '../../../utils/useTranslate';

/** How far the run has read the file. */
export const importPercent = (view: ImportView) => (view.byteSize > 0 ? (100 * view.bytesProcessed) / view.byteSize : 0);

export const ImportProgress = ({ view }: { view: ImportView }) => {
  const t = useTranslate();
  const percent = Math.round(importPercent(view));
  const label = view.state === 'importing' ? t('import.progress.importing', 'Importing') : t('import.progress.checking', 'Checking the file (dry run)');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex justifyContent="space-between">
        <Typography fontWeight="bold">{label}</Typography>
        <Typography textColor="neutral600">
          {t('import.progress.rows', '{rows, plural, one {# row} other {# rows}} read · {percent} %', { rows: view.rowsProcessed, percent })}
        </Typography>
      </Flex>
      {/* The meter grows along a row (its own flex: 1). */}
      <Flex>
        <Meter percent={percent} label={label} height="1.2rem" />
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('import.progress.leave', 'You can close this window: the import goes on, and the Candidates page shows it until it ends.')}
      </Typography>
    </Flex>
  );
};
