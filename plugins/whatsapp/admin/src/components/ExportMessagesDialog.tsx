import { useState } from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useTranslate } from '../utils/useTranslate';
import { DownloadCsvButton } from './DownloadCsvButton';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * "Export messages": a date range (whole days, UTC) and a direction, then the CSV of every
 * message in it. Opens from a button of its own.
 */
export const ExportMessagesDialog = () => {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [direction, setDirection] = useState<'' | 'inbound' | 'outbound'>('');
  const invalid = Boolean(from && to && from > to);

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" size="S" startIcon={<Download />}>
          {t('exports.messages.open', 'Export messages')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('exports.messages.title', 'Export messages (CSV)')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral600">
              {t('exports.messages.help', 'Every message sent or received in these days (UTC), with its candidate, campaign, status and error.')}
            </Typography>
            <Flex gap={4} alignItems="flex-start">
              <Field.Root name="from" style={{ flex: 1 }}>
                <Field.Label>{t('exports.messages.from', 'From')}</Field.Label>
                <TextInput type="date" value={from} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setFrom(event.target.value)} />
              </Field.Root>
              <Field.Root name="to" style={{ flex: 1 }} error={invalid ? t('exports.messages.order', 'The last day comes after the first.') : undefined}>
                <Field.Label>{t('exports.messages.to', 'To (included)')}</Field.Label>
                <TextInput type="date" value={to} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTo(event.target.value)} />
                <Field.Error />
              </Field.Root>
            </Flex>
            <Field.Root name="direction">
              <Field.Label>{t('exports.messages.direction', 'Direction')}</Field.Label>
              <SingleSelect value={direction} onChange={(value: string | number) => setDirection(String(value) as typeof direction)}>
                <SingleSelectOption value="">{t('exports.messages.both', 'Sent and received')}</SingleSelectOption>
                <SingleSelectOption value="outbound">{t('exports.messages.outbound', 'Sent only')}</SingleSelectOption>
                <SingleSelectOption value="inbound">{t('exports.messages.inbound', 'Received only')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('exports.messages.cancel', 'Cancel')}</Button>
          </Modal.Close>
          {!invalid && <DownloadCsvButton kind="messages" variant="secondary" size="M" params={{ from, to, direction }} />}
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
