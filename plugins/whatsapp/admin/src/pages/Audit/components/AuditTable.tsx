import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { ACTOR_TYPE_LABELS, AUDIT_ACTION_LABELS, type AuditEntry } from '../../../../../shared/audit';
import { TableHead } from '../../../components/TableHead';
import { actionKey } from '../actionKey';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';

type Translate = ReturnType<typeof useTranslate>;

/** Details in words: which settings changed, how many recipients a launch had, why a pause happened. */
const describeDetails = (entry: AuditEntry, t: Translate): string => {
  const details = entry.details ?? {};
  const parts: string[] = [];
  if (Array.isArray(details.changed)) {
    parts.push(
      details.changed.length
        ? t('audit.details.changed', 'Changed: {fields}', { fields: details.changed.join(', ') })
        : t('audit.details.nothingChanged', 'Nothing changed')
    );
  }
  if (typeof details.recipients === 'number') {
    parts.push(t('audit.details.recipients', 'Recipients: {recipients}, skipped: {skipped}', { recipients: details.recipients, skipped: Number(details.skipped ?? 0) }));
  }
  if (typeof details.requeued === 'number') parts.push(t('audit.details.requeued', 'Sent again: {count}', { count: details.requeued }));
  if (details.trigger === 'schedule') parts.push(t('audit.details.scheduled', 'At its scheduled time'));
  if (typeof details.reason === 'string') parts.push(details.reason);
  if (typeof details.fromState === 'string') parts.push(t('audit.details.fromState', 'Was {state}', { state: details.fromState }));
  return parts.join(' · ') || '—';
};

export const AuditTable = ({ entries }: { entries: AuditEntry[] }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  return (
    <Table colCount={5} rowCount={entries.length + 1}>
      <TableHead
        labels={[
          t('audit.column.at', 'Time'),
          t('audit.column.actor', 'Actor'),
          t('audit.column.action', 'Action'),
          t('audit.column.subject', 'Subject'),
          t('audit.column.details', 'Details'),
        ]}
      />
      <Tbody>
        {entries.map((entry) => (
          <Tr key={entry.id} data-testid="audit-row">
            <Td>
              <Typography textColor="neutral800">{formatDateTime(entry.at)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800" fontWeight="semiBold">
                {entry.actor.name ?? '—'}
              </Typography>
              <Typography tag="p" variant="pi" textColor="neutral600">
                {t(`audit.actorType.${entry.actor.type}`, ACTOR_TYPE_LABELS[entry.actor.type] ?? entry.actor.type)}
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{t(`audit.action.${actionKey(entry.action)}`, AUDIT_ACTION_LABELS[entry.action] ?? entry.action)}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{entry.subject.label ?? entry.subject.type}</Typography>
            </Td>
            <Td>
              <Typography textColor="neutral600" variant="pi">
                {describeDetails(entry, t)}
              </Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
