import { useState } from 'react';
import { Box, Flex, Loader, SingleSelect, SingleSelectOption, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead } from '../../../components/TableHead';
import { useRecipientsQuery, type RecipientStatus } from '../../../api/campaigns';
import { MessageStatus } from '../../../components/MessageStatus';
import { Pager } from '../../../components/Pager';
import { useQueryErrorNotification } from '../../../utils/useApiError';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';

/** What the filter offers: the statuses a campaign recipient goes through. */
const FILTERS: RecipientStatus[] = ['pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'skipped', 'canceled'];
const ALL = 'all';
const COLUMNS = 6;

/** The campaign's recipients, one page at a time, optionally of one status. */
export const RecipientsTable = ({ campaignId, running }: { campaignId: string; running: boolean }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const [status, setStatus] = useState<RecipientStatus | null>(null);
  const [page, setPage] = useState(1);
  const recipients = useRecipientsQuery(campaignId, status, page, running);

  useQueryErrorNotification(recipients.error);

  const rows = recipients.data?.data ?? [];

  return (
    <Box>
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('campaigns.recipients.title', 'Recipients')}
        </Typography>
        <Box width="24rem">
          <SingleSelect
            aria-label={t('campaigns.recipients.filter', 'Filter by status')}
            value={status ?? ALL}
            onChange={(value) => {
              setStatus(value === ALL ? null : (value as RecipientStatus));
              setPage(1);
            }}
          >
            <SingleSelectOption value={ALL}>{t('campaigns.recipients.all', 'All statuses')}</SingleSelectOption>
            {FILTERS.map((option) => (
              <SingleSelectOption key={option} value={option}>
                {t(`inbox.status.${option}`, option)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      </Flex>
      <Table colCount={COLUMNS} rowCount={rows.length + 1}>
        <TableHead
          labels={[
            t('campaigns.recipients.candidate', 'Candidate'),
            t('campaigns.recipients.phone', 'Phone'),
            t('campaigns.recipients.status', 'Status'),
            t('campaigns.recipients.detail', 'Detail'),
            t('campaigns.recipients.dispatched', 'Handed to Twilio'),
            t('campaigns.recipients.replied', 'Replied'),
          ]}
        />
        <Tbody>
          {recipients.isLoading && (
            <Tr>
              <Td colSpan={COLUMNS}>
                <Flex justifyContent="center" padding={4}>
                  <Loader small>{t('inbox.loading', 'Loading…')}</Loader>
                </Flex>
              </Td>
            </Tr>
          )}
          {!recipients.isLoading && rows.length === 0 && (
            <Tr>
              <Td colSpan={COLUMNS}>
                <Typography textColor="neutral600">
                  {status
                    ? t('campaigns.recipients.noneWithStatus', 'No recipient has this status.')
                    : t('campaigns.recipients.none', 'No recipients yet: they are chosen when the campaign is launched.')}
                </Typography>
              </Td>
            </Tr>
          )}
          {rows.map((row, index) => (
            <Tr key={`${row.candidate?.documentId ?? 'deleted'}-${row.message?.documentId ?? index}`}>
              <Td>
                <Typography>{row.candidate?.name ?? t('campaigns.recipients.deleted', 'Deleted candidate')}</Typography>
              </Td>
              <Td>
                <Typography>{row.candidate?.phone ?? '—'}</Typography>
              </Td>
              <Td>
                <MessageStatus status={row.status} />
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600">
                  {row.skipDetail ?? row.message?.errorMessage ?? ''}
                </Typography>
              </Td>
              <Td>
                <Typography variant="pi">{formatDateTime(row.dispatchedAt)}</Typography>
              </Td>
              <Td>
                <Typography variant="pi">{formatDateTime(row.repliedAt)}</Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Pager pagination={recipients.data?.meta.pagination} onPage={setPage} />
    </Box>
  );
};
