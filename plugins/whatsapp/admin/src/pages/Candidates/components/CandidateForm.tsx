import { useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Alert, Box, Button, Field, Flex, Grid, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';
import { useCandidateFormSettings, useSaveCandidate, type CandidateInput, type CandidateView, type OptInState } from '../../../api/candidates';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';
import { AttributesField, attributesOf, rowsOf, type AttributeRow } from './AttributesField';
import { fieldErrorsOf } from './fieldErrors';
import { checkPhone } from './phone';
import { PhoneField } from './PhoneField';
import { TagChips } from './TagChips';
import { TagPicker } from './TagPicker';

const OPT_IN: Array<{ value: OptInState; label: string }> = [
  { value: 'unknown', label: 'Not asked' },
  { value: 'opted_in', label: 'Opted in' },
  { value: 'opted_out', label: 'Opted out' },
];

type Props = { candidate: CandidateView | null; onClose: () => void };

/**
 * Add or edit a candidate. An opted-out candidate is opted back in only with a reason, which is
 * recorded with the name of the staff member who gave it.
 */
export const CandidateForm = ({ candidate, onClose }: Props) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const settings = useCandidateFormSettings();
  const save = useSaveCandidate();
  const defaultCountry = settings.data?.defaultCountry ?? 'IN';

  const [name, setName] = useState(candidate?.name ?? '');
  const [phone, setPhone] = useState(candidate?.phone ?? '');
  const [email, setEmail] = useState(candidate?.email ?? '');
  const [optIn, setOptIn] = useState<OptInState>(candidate?.optIn ?? 'unknown');
  const [reason, setReason] = useState('');
  const [tags, setTags] = useState<string[]>(candidate?.tags ?? []);
  const [attributes, setAttributes] = useState<AttributeRow[]>(rowsOf(candidate?.attributes ?? {}));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const optingBackIn = candidate?.optIn === 'opted_out' && optIn !== 'opted_out';
  const phoneOk = checkPhone(phone, defaultCountry).state === 'valid';
  const canSave = phoneOk && (!optingBackIn || reason.trim().length >= 3) && !save.isPending;

  const submit = () => {
    const data: CandidateInput = {
      name: name.trim() || null,
      phone,
      email: email.trim() || null,
      optIn,
      tags,
      attributes: attributesOf(attributes),
      ...(optingBackIn ? { optInReason: reason.trim() } : {}),
    };
    save.mutate(
      { documentId: candidate?.documentId, data },
      {
        onSuccess: () => {
          toggleNotification({ type: 'success', message: candidate ? t('candidates.form.saved', 'Candidate saved') : t('candidates.form.added', 'Candidate added') });
          onClose();
        },
        onError: (caught) => {
          setErrors(fieldErrorsOf(caught));
          notifyError(caught);
        },
      }
    );
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{candidate ? t('candidates.form.editTitle', 'Edit candidate') : t('candidates.form.addTitle', 'Add a candidate')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="name" error={errors.name}>
                  <Field.Label>{t('candidates.form.name', 'Name')}</Field.Label>
                  <TextInput value={name} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)} />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <PhoneField value={phone} onChange={setPhone} defaultCountry={defaultCountry} serverError={errors.phone} />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="email" error={errors.email}>
                  <Field.Label>{t('candidates.form.email', 'E-mail')}</Field.Label>
                  <TextInput type="email" value={email} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEmail(event.target.value)} />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Field.Root name="optIn" error={errors.optIn}>
                  <Field.Label>{t('candidates.form.optIn', 'WhatsApp opt-in')}</Field.Label>
                  <SingleSelect value={optIn} onChange={(value: string | number) => setOptIn(value as OptInState)}>
                    {OPT_IN.map((option) => (
                      <SingleSelectOption key={option.value} value={option.value}>
                        {t(`candidates.optIn.${option.value}`, option.label)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            {candidate?.optIn === 'opted_out' && (
              <Alert variant={optingBackIn ? 'warning' : 'default'} closeLabel={t('inbox.close', 'Close')} title={t('candidates.form.optedOut.title', 'This candidate opted out')}>
                {t('candidates.form.optedOut.body', 'They asked not to receive WhatsApp messages. Opt them back in only if they asked for it, and say how.')}
              </Alert>
            )}
            {optingBackIn && (
              <Field.Root name="optInReason" required error={errors.optInReason} hint={t('candidates.form.reason.hint', 'Recorded with your name, e.g. "Asked by phone on 5 Dec to get interview updates".')}>
                <Field.Label>{t('candidates.form.reason', 'Why are they opted back in?')}</Field.Label>
                <Textarea value={reason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            )}
            <Box>
              <Field.Root name="tags" error={errors.tags}>
                <Field.Label>{t('candidates.form.tags', 'Tags')}</Field.Label>
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <TagChips tags={tags} onRemove={(tag) => setTags(tags.filter((kept) => kept !== tag))} />
                  <TagPicker exclude={tags} onPick={(tag) => setTags([...tags, tag])} />
                </Flex>
                <Field.Error />
              </Field.Root>
            </Box>
            <AttributesField rows={attributes} onChange={setAttributes} />
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('candidates.form.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} disabled={!canSave} loading={save.isPending}>
            {candidate ? t('candidates.form.save', 'Save') : t('candidates.form.add', 'Add candidate')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
