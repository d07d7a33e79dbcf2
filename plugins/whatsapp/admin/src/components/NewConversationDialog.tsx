import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Loader, Modal, Radio, TextInput, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import {
  useCandidateSearchQuery,
  useSendableTemplatesQuery,
  useSendCandidateQuery,
  useStartConversation,
  type SendCandidate,
} from '../api/inbox';
import { PLUGIN_ID } from '../pluginId';
import { useNotifyError, useQueryErrorNotification } from '../utils/useApiError';
import { useTranslate } from '../utils/useTranslate';
import { choiceComplete, TemplateMessageFields, type TemplateChoice } from './TemplateMessageFields';

type Props = {
  open: boolean;
  onClose: () => void;
  /** Start with this candidate chosen (e.g. from the Candidates page); the dialog reads their fields. */
  candidate?: { documentId: string; name?: string | null; phone: string } | null;
  /** Called with the conversation the template went into; without it the Inbox opens on it. */
  onStarted?: (conversationId: string | null) => void;
};

type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' | 'notMobile' };

/** The number as typed, read the way the server will read it (libphonenumber-js, the app's default country). */
const checkPhone = (input: string, country: string): PhoneCheck => {
  const raw = input.trim();
  if (!raw) return { ok: false, reason: 'empty' };
  const parsed = parsePhoneNumberFromString(raw, country.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'notMobile' };
  return { ok: true, e164: parsed.number };
};

/**
 * Starting a conversation: a candidate (searched, or given) or a typed number, an approved
 * template and its values, sent from the current sender. WhatsApp lets a business write first
 * only with a template. A number nobody has yet becomes a candidate.
 */
export const NewConversationDialog = ({ open, onClose, candidate: preselected = null, onStarted }: Props) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const [mode, setMode] = useState<'candidate' | 'number'>('candidate');
  const [search, setSearch] = useState('');
  const [appliedSearch, setAppliedSearch] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(preselected?.documentId ?? null);
  const [number, setNumber] = useState('');
  const [choice, setChoice] = useState<TemplateChoice>({ template: null, variables: {} });
  const templates = useSendableTemplatesQuery(open);
  const results = useCandidateSearchQuery(appliedSearch, open && mode === 'candidate' && !preselected);
  const chosen = useSendCandidateQuery(open ? chosenId : null);
  const start = useStartConversation();
  useQueryErrorNotification(templates.error ?? results.error ?? chosen.error);

  useEffect(() => {
    if (!open) return;
    setMode('candidate');
    setSearch('');
    setChosenId(preselected?.documentId ?? null);
    setNumber('');
    setChoice({ template: null, variables: {} });
  }, [open, preselected?.documentId]);

  useEffect(() => {
    const timer = setTimeout(() => setAppliedSearch(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const country = templates.data?.meta.defaultCountry ?? 'IN';
  const phone = useMemo(() => checkPhone(number, country), [number, country]);
  const list = templates.data?.data ?? [];
  const recipient: SendCandidate | null = mode === 'candidate' ? (chosen.data ?? null) : null;
  const ready = choiceComplete(list, choice) && (mode === 'candidate' ? Boolean(chosenId) : phone.ok);
  const phoneError =
    number.trim() && !phone.ok
      ? phone.reason === 'notMobile'
        ? t('newConversation.number.notMobile', 'Not a mobile number: it cannot have WhatsApp.')
        : t('newConversation.number.invalid', 'Not a valid number for {country}. Write it with its country code, e.g. +91 98765 43210.', { country })
      : undefined;

  const send = () => {
    if (!ready || !choice.template) return;
    start.mutate(
      {
        ...(mode === 'candidate' ? { candidate: chosenId! } : { to: phone.ok ? phone.e164 : number }),
        template: choice.template,
        variables: choice.variables,
      },
      {
        onError: notifyError,
        onSuccess: (result) => {
          toggleNotification({ type: 'success', message: t('newConversation.sent', 'Template sent. The conversation is in the Inbox.') });
          onClose();
          if (onStarted) onStarted(result.meta.conversation);
          else if (result.meta.conversation) navigate(`/plugins/${PLUGIN_ID}/inbox?conversation=${result.meta.conversation}`);
        },
      },
    );
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content style={{ width: '92rem', maxWidth: '95vw' }}>
        <Modal.Header>
          <Modal.Title>{t('newConversation.title', 'New conversation')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={5}>
            {preselected ? (
              <Typography>
                {t('newConversation.to', 'To {who}', { who: preselected.name ? `${preselected.name} (${preselected.phone})` : preselected.phone })}
              </Typography>
            ) : (
              <>
                <Radio.Group
                  aria-label={t('newConversation.mode', 'Who to write to')}
                  value={mode}
                  onValueChange={(value: string) => setMode(value as 'candidate' | 'number')}
                  style={{ display: 'flex', flexDirection: 'row', gap: '2.4rem' }}
                >
                  <Radio.Item value="candidate">{t('newConversation.mode.candidate', 'A candidate')}</Radio.Item>
                  <Radio.Item value="number">{t('newConversation.mode.number', 'A phone number')}</Radio.Item>
                </Radio.Group>
                {mode === 'candidate' ? (
                  <Box>
                    <Field.Root name="candidate-search">
                      <Field.Label>{t('newConversation.search', 'Search a candidate')}</Field.Label>
                      <TextInput
                        value={search}
                        placeholder={t('newConversation.search.placeholder', 'Name, phone or email')}
                        onChange={(event: { target: { value: string } }) => setSearch(event.target.value)}
                      />
                    </Field.Root>
                    <Box paddingTop={2} style={{ maxHeight: '16rem', overflowY: 'auto' }}>
                      {results.isLoading ? (
                        <Loader small>{t('inbox.loading', 'Loading…')}</Loader>
                      ) : (results.data ?? []).length === 0 ? (
                        <Typography variant="pi" textColor="neutral600">
                          {t('newConversation.search.none', 'No candidate found. Choose "A phone number" to write to a new number.')}
                        </Typography>
                      ) : (
                        <Radio.Group
                          aria-label={t('newConversation.candidates', 'Candidates')}
                          value={chosenId ?? ''}
                          onValueChange={(value: string) => setChosenId(value)}
                        >
                          {(results.data ?? []).map((item) => (
                            <Radio.Item key={item.documentId} value={item.documentId}>
                              {item.name ? `${item.name} · ${item.phone}` : item.phone}
                              {item.optIn === 'opted_out' ? ` · ${t('newConversation.optedOut', 'opted out')}` : ''}
                            </Radio.Item>
                          ))}
                        </Radio.Group>
                      )}
                    </Box>
                  </Box>
                ) : (
                  <Field.Root
                    name="number"
                    error={phoneError}
                    hint={
                      phone.ok
                        ? t('newConversation.number.ok', 'Sends to {e164}. A number nobody has yet becomes a new candidate.', { e164: phone.e164 })
                        : t('newConversation.number.hint', 'Numbers without a country code are read as {country}.', { country })
                    }
                  >
                    <Field.Label>{t('newConversation.number', 'WhatsApp number')}</Field.Label>
                    <TextInput value={number} onChange={(event: { target: { value: string } }) => setNumber(event.target.value)} />
                    <Field.Error />
                    <Field.Hint />
                  </Field.Root>
                )}
              </>
            )}
            {templates.isLoading ? (
              <Loader small>{t('inbox.loading', 'Loading…')}</Loader>
            ) : (
              <TemplateMessageFields templates={list} candidate={recipient} value={choice} disabled={start.isPending} onChange={setChoice} />
            )}
            {templates.data?.meta.sender && (
              <Typography variant="pi" textColor="neutral600">
                {t('newConversation.sender', 'Sent from {sender}.', { sender: templates.data.meta.sender })}
              </Typography>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('send.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button startIcon={<PaperPlane />} loading={start.isPending} disabled={!ready} onClick={send}>
            {t('send.submit', 'Send the template')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
