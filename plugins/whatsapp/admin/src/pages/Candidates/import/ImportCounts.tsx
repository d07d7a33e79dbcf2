import { Badge, Flex } from '@strapi/design-system';
import type { ImportCounts as Counts } from '../../../../../shared/candidate-import';
import { useTranslate } from '../../../utils/useTranslate';

/** The four outcomes with their numbers. */
export const ImportCounts = ({ counts, dryRun }: { counts: Counts; dryRun: boolean }) => {
  const t = useTranslate();
  return (
    <Flex gap={2} wrap="wrap" data-testid="import-counts">
      <Badge backgroundColor="success100" textColor="success700" data-outcome="created">
        {dryRun ? t('import.counts.willCreate', '{n, number} to create', { n: counts.created }) : t('import.counts.created', '{n, number} created', { n: counts.created })}
      </Badge>
      <Badge backgroundColor="primary100" textColor="primary700" data-outcome="updated">
        {dryRun ? t('import.counts.willUpdate', '{n, number} to update', { n: counts.updated }) : t('import.counts.updated', '{n, number} updated', { n: counts.updated })}
      </Badge>
      <Badge data-outcome="unchanged">{t('import.counts.unchanged', '{n, number} unchanged', { n: counts.unchanged })}</Badge>
      <Badge backgroundColor="danger100" textColor="danger700" data-outcome="invalid">
        {t('import.counts.invalid', '{n, number} invalid', { n: counts.invalid })}
      </Badge>
    </Flex>
  );
};
