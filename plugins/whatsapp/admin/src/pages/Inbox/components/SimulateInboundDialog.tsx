import { useEffect, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Button, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { Phone } from '@strapi/icons';
import { useSimulateInbound, type SimulatedInbound } from '../../../api/inbox';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

const MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf', 'video/mp4', 'audio/ogg'];

type Props = { open: boolean; sender: string | null; onClose: () => void };

/**
 * Emulator mode only: a message "from a phone", which the emulator posts to the app's signed
 * webhook exactly as Twilio would. It then shows up in the Inbox through the live stream.
 */
export const SimulateInboundDialog = ({ open, sender, onClose }: Props) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const simulate = useSimulateInbound();
  const [from, setFrom] = useState('');
  const [profileName, setProfileName] = useState('');
  const [kind, setKind] = useState<SimulatedInbound['kind']>('text');
  const [body, setBody] = useState('');
  const [mediaContentType, setMediaContentType] = useState(MEDIA_TYPES[0]!);
  const [latitude, setLatitude] = useState('12.9716');
  const [longitude, setLongitude] = useState('77.5946');
  const [label, setLabel] = useState('');

  useEffect(() => {
    if (open) simulate.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const ready = from.trim() !== '' && profileName.trim() !== '' && (kind !== 'text' || body.trim() !== '') && (kind !== 'location' || (latitude !== '' && longitude !== ''));

  const send = () =>
    simulate.mutate(
      {
        from,
        profileName,
        kind,
        ...(body.trim() ? { body } : {}),
        ...(kind === 'media' ? { mediaContentType } : {}),
        ...(kind === 'location' ? { latitude: Number(latitude), longitude: Number(longitude), ...(label.trim() ? { label } : {}) } : {}),
      },
      {
        onError: notifyError,
        onSuccess: () => {
          toggleNotification({ type: 'success', message: t('simulate.sent', 'The emulator delivered the message to the webhook.') });
          setBody('');
          onClose();
        },
      },
    );

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('simulate.title', 'Simulate an incoming message')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="pi" textColor="neutral600">
              {t('simulate.intro', 'The Twilio emulator posts it to this app\'s webhook, signed, as WhatsApp would, to {sender}.', { sender: sender ?? '' })}
            </Typography>
            <Grid.Root gap={4}>
              <Grid.Item col={6} direction="column" alignItems="stretch">
                <Field.Root name="from" required hint={t('simulate.from.hint', 'e.g. +91 98765 43210')}>
                  <Field.Label>{t('simulate.from', 'From (phone number)')}</Field.Label>
                  <TextInput value={from} onChange={(event: { target: { value: string } }) => setFrom(event.target.value)} />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} direction="column" alignItems="stretch">
                <Field.Root name="profileName" required>
                  <Field.Label>{t('simulate.name', 'WhatsApp name')}</Field.Label>
                  <TextInput value={profileName} onChange={(event: { target: { value: string } }) => setProfileName(event.target.value)} />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            <Field.Root name="kind">
              <Field.Label>{t('simulate.kind', 'Kind')}</Field.Label>
              <SingleSelect value={kind} onChange={(value: string | number) => setKind(String(value) as SimulatedInbound['kind'])}>
                <SingleSelectOption value="text">{t('simulate.kind.text', 'Text')}</SingleSelectOption>
                <SingleSelectOption value="media">{t('simulate.kind.media', 'Media (a placeholder file)')}</SingleSelectOption>
                <SingleSelectOption value="location">{t('simulate.kind.location', 'Location')}</SingleSelectOption>
              </SingleSelect>
            </Field.Root>
            {kind === 'media' && (
              <Field.Root name="mediaContentType">
                <Field.Label>{t('simulate.mediaType', 'File type')}</Field.Label>
                <SingleSelect value={mediaContentType} onChange={(value: string | number) => setMediaContentType(String(value))}>
                  {MEDIA_TYPES.map((type) => (
                    <SingleSelectOption key={type} value={type}>
                      {type}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {kind === 'location' && (
              <Grid.Root gap={4}>
                <Grid.Item col={4} direction="column" alignItems="stretch">
                  <Field.Root name="latitude" required>
                    <Field.Label>{t('simulate.latitude', 'Latitude')}</Field.Label>
                    <TextInput value={latitude} onChange={(event: { target: { value: string } }) => setLatitude(event.target.value)} />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} direction="column" alignItems="stretch">
                  <Field.Root name="longitude" required>
                    <Field.Label>{t('simulate.longitude', 'Longitude')}</Field.Label>
                    <TextInput value={longitude} onChange={(event: { target: { value: string } }) => setLongitude(event.target.value)} />
                  </Field.Root>
                </Grid.Item>
                <Grid.Item col={4} direction="column" alignItems="stretch">
                  <Field.Root name="label">
                    <Field.Label>{t('simulate.label', 'Place name')}</Field.Label>
                    <TextInput value={label} onChange={(event: { target: { value: string } }) => setLabel(event.target.value)} />
                  </Field.Root>
                </Grid.Item>
              </Grid.Root>
            )}
            <Field.Root name="body" required={kind === 'text'}>
              <Field.Label>{kind === 'text' ? t('simulate.body', 'Message') : t('simulate.caption', 'Caption (optional)')}</Field.Label>
              <Textarea value={body} rows={3} onChange={(event: { target: { value: string } }) => setBody(event.target.value)} />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('send.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button startIcon={<Phone />} loading={simulate.isPending} disabled={!ready} onClick={send}>
            {t('simulate.submit', 'Receive it')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
