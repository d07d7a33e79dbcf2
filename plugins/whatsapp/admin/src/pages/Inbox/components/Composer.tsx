import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { Message, PaperPlane } from '@strapi/icons';
import type { ReplyPlan } from '../../../api/inbox';
import { getTranslation } from '../../../utils/getTranslation';

type Props = {
  /** Where the next message goes from and whether free text is possible; undefined while loading. */
  plan: ReplyPlan | undefined;
  canSend: boolean;
  optedOut: boolean;
  sending: boolean;
  /** The draft of this conversation (the page keeps one per conversation). */
  value: string;
  onChange: (value: string) => void;
  onSend(body: string): Promise<boolean>;
  onSendTemplate(): void;
};

/** Twilio's limit for one message body (server validation/message.ts). */
const BODY_MAX = 1600;

/**
 * The reply box. Free text only while the window with the next message's sender is open;
 * otherwise, and at any time, "Send a template".
 */
export const Composer = ({ plan, canSend, optedOut, sending, value, onChange, onSend, onSendTemplate }: Props) => {
  const { formatMessage } = useIntl();
  const freeText = Boolean(plan?.freeTextAllowed);

  const reason = !canSend
    ? formatMessage({ id: getTranslation('inbox.composer.noPermission'), defaultMessage: 'Your role may read this inbox but not send messages.' })
    : optedOut
      ? formatMessage({ id: getTranslation('inbox.composer.optedOut'), defaultMessage: 'This candidate opted out of WhatsApp messages.' })
      : plan && !plan.senderIsOurs
        ? formatMessage(
            {
              id: getTranslation('inbox.composer.oldSender'),
              defaultMessage:
                'This conversation is with {sender}, a number you no longer send from. Replies cannot go from it: send a template from {current} to reach the candidate.',
            },
            { sender: plan.conversationSender, current: plan.nextSender ?? '' }
          )
        : plan && !freeText
          ? formatMessage({
              id: getTranslation('inbox.composer.windowClosed'),
              defaultMessage:
                'The 24-hour reply window is closed: the candidate has not written in the last 24 hours. WhatsApp only allows an approved template now — use a template to reopen the conversation.',
            })
          : null;
  const templateOnly = canSend && !optedOut && plan !== undefined && !freeText;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason || !value.trim() || sending) return;
    if (await onSend(value)) onChange('');
  };

  const templateButton = (
    <Button
      variant={templateOnly ? 'default' : 'secondary'}
      startIcon={<Message />}
      disabled={!canSend || optedOut || !plan?.nextSender}
      onClick={onSendTemplate}
    >
      {formatMessage({ id: getTranslation('inbox.composer.template'), defaultMessage: 'Send a template' })}
    </Button>
  );

  return (
    <Box tag="form" onSubmit={submit} padding={4} background="neutral0" borderColor="neutral150" style={{ borderTopWidth: 1, borderTopStyle: 'solid' }}>
      {reason && (
        <Box paddingBottom={2}>
          <Typography variant="pi" textColor={plan && !plan.senderIsOurs ? 'warning600' : 'neutral600'}>
            {reason}
          </Typography>
        </Box>
      )}
      {templateOnly ? (
        <Flex justifyContent="flex-end">{templateButton}</Flex>
      ) : (
        <Flex gap={2} alignItems="flex-end">
          <Box flex="1">
            <Field.Root name="body" hint={`${value.length} / ${BODY_MAX}`}>
              <Field.Label>{formatMessage({ id: getTranslation('inbox.composer.label'), defaultMessage: 'Reply' })}</Field.Label>
              <Textarea
                value={value}
                disabled={Boolean(reason) || !plan}
                rows={2}
                style={{ minHeight: '5.6rem' }}
                maxLength={BODY_MAX}
                placeholder={formatMessage({ id: getTranslation('inbox.composer.placeholder'), defaultMessage: 'Write a message…' })}
                onChange={(event: { target: { value: string } }) => onChange(event.target.value)}
                onKeyDown={(event: React.KeyboardEvent) => {
                  if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event as unknown as FormEvent);
                }}
              />
              <Field.Hint />
            </Field.Root>
          </Box>
          <Flex gap={2} paddingBottom={6}>
            {templateButton}
            <Button type="submit" startIcon={<PaperPlane />} loading={sending} disabled={Boolean(reason) || !plan || !value.trim()}>
              {formatMessage({ id: getTranslation('inbox.composer.send'), defaultMessage: 'Send' })}
            </Button>
          </Flex>
        </Flex>
      )}
    </Box>
  );
};
