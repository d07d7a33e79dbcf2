import { useState } from 'react';
import { Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { IMPORT_OUTCOMES, type ImportOutcome } from '../../../../../shared/candidate-import';
import { useImportRows } from '../../../api/candidate-import';
import { Pager } from '../../../components/Pager';
import { useTranslate } from '../../../utils/useTranslate';

const ALL = 'all';

const OUTCOME_LABEL: Record<ImportOutcome, string> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', invalid: 'Invalid' };

/** The run's rows, one per line of the file, filtered by outcome. */
export const ImportReport = ({ importId, dryRun }: { importId: string; dryRun: boolean }) => {
  const t = useTranslate();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [page, setPage] = useState(1);
  const rows = useImportRows(importId, page, outcome, true);
  const label = (value: ImportOutcome) =>
    dryRun && value === 'created' ? t('import.outcome.willCreate', 'Will be created') : dryRun && value === 'updated' ? t('import.outcome.willUpdate', 'Will be updated') : t(`import.outcome.${value}`, OUTCOME_LABEL[value]);
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box maxWidth="20rem">
        <SingleSelect
          aria-label={t('import.report.filter', 'Show rows')}
          value={outcome ?? ALL}
          onChange={(value: string | number) => {
            setOutcome(value === ALL ? null : (value as ImportOutcome));
            setPage(1);
          }}
        >
          <SingleSelectOption value={ALL}>{t('import.report.all', 'Every row')}</SingleSelectOption>
          {IMPORT_OUTCOMES.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {label(value)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {rows.data && rows.data.results.length === 0 ? (
        <Typography textColor="neutral600">{t('import.report.none', 'No rows here.')}</Typography>
      ) : (
        <Table colCount={4} rowCount={(rows.data?.results.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>{t('import.report.row', 'Row')}</Th>
              <Th>{t('import.report.phone', 'Number')}</Th>
              <Th>{t('import.report.outcome', 'Outcome')}</Th>
              <Th>{t('import.report.reason', 'Reason')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {(rows.data?.results ?? []).map((row) => (
              <Tr key={row.row} data-row={row.row} data-outcome={row.outcome}>
                <Td>
                  <Typography>{row.row}</Typography>
                </Td>
                <Td>
                  <Typography>{row.phone ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography textColor={row.outcome === 'invalid' ? 'danger600' : 'neutral800'}>{label(row.outcome)}</Typography>
                </Td>
                <Td>
                  <Typography textColor="neutral600">{row.reason ?? ''}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Pager pagination={rows.data?.pagination} onPage={setPage} />
    </Flex>
  );
};
