import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Field, Flex, Tabs, Textarea, Typography } from '@strapi/design-system';
import { Lock, Message, PaperPlane } from '@strapi/icons';
import type { ReplyPlan } from '../../../api/inbox';
import { useSavedRepliesQuery } from '../../../api/saved-replies';
import { fillSavedReply, type SavedReply } from '../../../../../shared/saved-replies';
import { getTranslation } from '../../../utils/getTranslation';
import { useTranslate } from '../../../utils/useTranslate';
import { SavedReplyPicker } from './SavedReplyPicker';

export type ComposerMode = 'reply' | 'note';

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
  /** Internal notes: written by staff, shown in the thread, never sent. */
  noting: boolean;
  onAddNote(body: string): Promise<boolean>;
};

/** Twilio's limit for one message body (server validation/message.ts). */
const BODY_MAX = 1600;
const NOTE_MAX = 4000;

/** A `/word` being typed at the end of the draft: the saved-reply list searches for it. */
const SLASH = /(^|\s)\/([\w-]*)$/;

/**
 * The reply box. Free text only while the window with the next message's sender is open;
 * otherwise, and at any time, "Send a template". The Note tab writes an internal note instead.
 * Typing `/` opens the saved replies, filled from the candidate.
 */
export const Composer = ({ plan, canSend, optedOut, sending, value, onChange, onSend, onSendTemplate, noting, onAddNote }: Props) => {
  const { formatMessage } = useIntl();
  const t = useTranslate();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [note, setNote] = useState('');
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const freeText = Boolean(plan?.freeTextAllowed);
  const text = mode === 'note' ? note : value;
  const setText = mode === 'note' ? setNote : onChange;

  const savedReplies = useSavedRepliesQuery(canSend);
  const slash = text.match(SLASH);
  const query = slash ? (slash[2] ?? '') : null;
  const pickerOpen = canSend && query !== null && dismissed !== text;
  const matches = useMemo(() => {
    if (query === null) return [];
    const needle = query.toLowerCase();
    const all = savedReplies.data ?? [];
    return [...all.filter((reply) => reply.shortcut.startsWith(needle)), ...all.filter((reply) => !reply.shortcut.startsWith(needle) && (reply.shortcut.includes(needle) || reply.text.toLowerCase().includes(needle)))];
  }, [query, savedReplies.data]);

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

  const pick = (reply: SavedReply) => {
    const filled = fillSavedReply(reply.text, plan?.candidate ?? null);
    setText(text.replace(SLASH, (_whole, space: string) => `${space}${filled.text}`));
    setMissing(filled.missing);
    setActive(0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'note') {
      if (!canSend || !note.trim() || noting) return;
      if (await onAddNote(note)) setNote('');
      return;
    }
    if (reason || !value.trim() || sending) return;
    if (await onSend(value)) {
      onChange('');
      setMissing([]);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (pickerOpen && matches.length > 0 && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
      return;
    }
    if (pickerOpen && event.key === 'Enter' && !event.shiftKey && matches.length > 0) {
      event.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]!);
      return;
    }
    if (pickerOpen && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(text);
      return;
    }
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void submit(event as unknown as FormEvent);
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

  const textBox = (
    <Box flex="1" position="relative">
      {pickerOpen && (
        <SavedReplyPicker
          replies={matches}
          query={query ?? ''}
          loading={savedReplies.isLoading}
          active={Math.min(active, Math.max(matches.length - 1, 0))}
          preview={(replyText) => fillSavedReply(replyText, plan?.candidate ?? null).text}
          onHover={setActive}
          onPick={pick}
        />
      )}
      <Field.Root name={mode === 'note' ? 'note' : 'body'} hint={`${text.length} / ${mode === 'note' ? NOTE_MAX : BODY_MAX}`}>
        <Field.Label>
          {mode === 'note' ? t('inbox.composer.noteLabel', 'Internal note (only staff see it)') : formatMessage({ id: getTranslation('inbox.composer.label'), defaultMessage: 'Reply' })}
        </Field.Label>
        <Textarea
          value={text}
          disabled={mode === 'note' ? !canSend : Boolean(reason) || !plan}
          rows={2}
          style={{ minHeight: '5.6rem', ...(mode === 'note' ? { background: 'var(--strapi-warning100, #fdf4dc)' } : {}) }}
          maxLength={mode === 'note' ? NOTE_MAX : BODY_MAX}
          aria-autocomplete="list"
          aria-expanded={pickerOpen}
          aria-controls={pickerOpen ? 'saved-reply-list' : undefined}
          placeholder={
            mode === 'note'
              ? t('inbox.composer.notePlaceholder', 'Write a note for your team… (/ for saved replies)')
              : formatMessage({ id: getTranslation('inbox.composer.placeholder'), defaultMessage: 'Write a message…' })
          }
          onChange={(event: { target: { value: string } }) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <Field.Hint />
      </Field.Root>
      {missing.length > 0 && mode === 'reply' && (
        <Typography variant="pi" textColor="warning600">
          {t('inbox.composer.missing', 'This candidate has no value for {fields}: check the text before sending.', {
            fields: missing.map((path) => `{{${path}}}`).join(', '),
          })}
        </Typography>
      )}
    </Box>
  );

  return (
    <Box
      tag="form"
      onSubmit={submit}
      padding={4}
      paddingTop={2}
      background={mode === 'note' ? 'warning100' : 'neutral0'}
      borderColor={mode === 'note' ? 'warning200' : 'neutral150'}
      style={{ borderTopWidth: 1, borderTopStyle: 'solid' }}
    >
      {canSend && (
        <Box paddingBottom={2}>
          <Tabs.Root variant="simple" value={mode} onValueChange={(next) => setMode(next as ComposerMode)}>
            <Tabs.List aria-label={t('inbox.composer.mode', 'Composer mode: message or internal note')}>
              <Tabs.Trigger value="reply">{t('inbox.composer.replyTab', 'Reply')}</Tabs.Trigger>
              <Tabs.Trigger value="note">{t('inbox.composer.noteTab', 'Note')}</Tabs.Trigger>
            </Tabs.List>
          </Tabs.Root>
        </Box>
      )}
      {mode === 'note' ? (
        <Flex gap={2} alignItems="flex-end">
          {textBox}
          <Flex gap={2} paddingBottom={6}>
            <Button type="submit" variant="secondary" startIcon={<Lock />} loading={noting} disabled={!canSend || !note.trim()}>
              {t('inbox.composer.addNote', 'Add note')}
            </Button>
          </Flex>
        </Flex>
      ) : (
        <>
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
              {textBox}
              <Flex gap={2} paddingBottom={6}>
                {templateButton}
                <Button type="submit" startIcon={<PaperPlane />} loading={sending} disabled={Boolean(reason) || !plan || !value.trim()}>
                  {formatMessage({ id: getTranslation('inbox.composer.send'), defaultMessage: 'Send' })}
                </Button>
              </Flex>
            </Flex>
          )}
        </>
      )}
    </Box>
  );
};
