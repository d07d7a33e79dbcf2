import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { getTranslation } from '../../../utils/getTranslation';

type Props = {
  windowOpen: boolean;
  canSend: boolean;
  optedOut: boolean;
  sending: boolean;
  onSend(body: string): Promise<boolean>;
};

/** Twilio's limit for one message body (server validation/message.ts). */
const BODY_MAX = 1600;

export const Composer = ({ windowOpen, canSend, optedOut, sending, onSend }: Props) => {
  const { formatMessage } = useIntl();
  const [body, setBody] = useState('');

  const reason = !canSend
    ? formatMessage({ id: getTranslation('inbox.composer.noPermission'), defaultMessage: 'Your role may read this inbox but not send messages.' })
    : optedOut
      ? formatMessage({ id: getTranslation('inbox.composer.optedOut'), defaultMessage: 'This candidate opted out of WhatsApp messages.' })
      : !windowOpen
        ? formatMessage({
            id: getTranslation('inbox.composer.windowClosed'),
            defaultMessage:
              'The 24-hour reply window is closed: the candidate has not written in the last 24 hours. WhatsApp only allows an approved template now — use a template to reopen the conversation.',
          })
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason || !body.trim() || sending) return;
    if (await onSend(body)) setBody('');
  };

  return (
    <Box tag="form" onSubmit={submit} padding={4} background="neutral0" borderColor="neutral150" style={{ borderTopWidth: 1, borderTopStyle: 'solid' }}>
      {reason && (
        <Box paddingBottom={2}>
          <Typography variant="pi" textColor="neutral600">
            {reason}
          </Typography>
        </Box>
      )}
      <Flex gap={2} alignItems="flex-end">
        <Box flex="1">
          <Field.Root name="body" hint={`${body.length} / ${BODY_MAX}`}>
            <Field.Label>{formatMessage({ id: getTranslation('inbox.composer.label'), defaultMessage: 'Reply' })}</Field.Label>
            <Textarea
              value={body}
              disabled={Boolean(reason)}
              rows={2}
              style={{ minHeight: '5.6rem' }}
              maxLength={BODY_MAX}
              placeholder={formatMessage({ id: getTranslation('inbox.composer.placeholder'), defaultMessage: 'Write a message…' })}
              onChange={(event: { target: { value: string } }) => setBody(event.target.value)}
              onKeyDown={(event: React.KeyboardEvent) => {
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event as unknown as FormEvent);
              }}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
        <Box paddingBottom={6}>
          <Button type="submit" startIcon={<PaperPlane />} loading={sending} disabled={Boolean(reason) || !body.trim()}>
            {formatMessage({ id: getTranslation('inbox.composer.send'), defaultMessage: 'Send' })}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};
