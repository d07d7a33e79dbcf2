import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead } from '../../../components/TableHead';
import type { SyncOverview } from '../../../api/sync-status';
import { MessageStatus } from '../../../components/MessageStatus';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';

const COLUMNS = 4;

/** Messages a check flagged (Twilio does not know them, or they stay unfinished too long). */
export const StuckMessages = ({ messages }: { messages: SyncOverview['stuck']['messages'] }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  if (messages.length === 0) {
    return <Typography textColor="neutral600">{t('sync.stuck.none', 'No message looks stuck.')}</Typography>;
  }
  return (
    <Table colCount={COLUMNS} rowCount={messages.length + 1}>
      <TableHead
        labels={[
          t('sync.stuck.status', 'Status'),
          t('sync.stuck.code', 'Problem'),
          t('sync.stuck.reason', 'Detail'),
          t('sync.stuck.checked', 'Last checked'),
        ]}
      />
      <Tbody>
        {messages.map((message) => (
          <Tr key={message.id}>
            <Td>
              <MessageStatus status={message.status} />
            </Td>
            <Td>
              <Typography>{message.stuckCode}</Typography>
            </Td>
            <Td>
              <Typography variant="pi" textColor="neutral600">
                {message.stuckReason ?? ''}
              </Typography>
            </Td>
            <Td>
              <Typography variant="pi">{formatDateTime(message.lastSyncedAt)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
