import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Modal, TextInput, Textarea, Typography } from '@strapi/design-system';
import {
  CANDIDATE_PLACEHOLDER_FIELDS,
  fillSavedReply,
  SAVED_REPLY_TEXT_MAX,
  unknownPlaceholders,
  type PlaceholderCandidate,
  type SavedReply,
} from '../../../../../shared/saved-replies';
import { useTranslate } from '../../../utils/useTranslate';

/** The candidate the preview fills placeholders from. */
export const SAMPLE_CANDIDATE: PlaceholderCandidate = {
  name: 'Asha Rao',
  phone: '+919812345678',
  email: 'asha.rao@example.com',
  attributes: { city: 'Pune', role: 'Nurse' },
};

/** Written out as values: braces in a message would read as its arguments. */
const PLACEHOLDER_LIST = [...CANDIDATE_PLACEHOLDER_FIELDS.map((field) => `{{candidate.${field}}}`), '{{candidate.attributes.<key>}}'].join(', ');

type Props = {
  /** The reply edited; null: a new one. */
  reply: SavedReply | null;
  open: boolean;
  saving: boolean;
  /** Field errors from the server, by field name. */
  errors: Record<string, string>;
  onClose(): void;
  onSave(input: { shortcut: string; text: string }): void;
};

/** Add or edit a saved reply, with its text as a sample candidate would receive it. */
export const SavedReplyDialog = ({ reply, open, saving, errors, onClose, onSave }: Props) => {
  const t = useTranslate();
  const [shortcut, setShortcut] = useState('');
  const [text, setText] = useState('');

  useEffect(() => {
    if (!open) return;
    setShortcut(reply?.shortcut ?? '');
    setText(reply?.text ?? '');
  }, [open, reply]);

  const unknown = unknownPlaceholders(text);
  const preview = fillSavedReply(text, SAMPLE_CANDIDATE);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ shortcut, text });
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content>
        <form onSubmit={submit}>
          <Modal.Header>
            <Modal.Title>{reply ? t('savedReplies.dialog.edit', 'Edit saved reply') : t('savedReplies.dialog.add', 'Add a saved reply')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="shortcut" required error={errors.shortcut} hint={t('savedReplies.field.shortcutHint', 'Typed after / in the composer: lowercase letters, digits, - and _.')}>
                <Field.Label>{t('savedReplies.field.shortcut', 'Shortcut')}</Field.Label>
                <TextInput value={shortcut} placeholder="welcome" onChange={(event: { target: { value: string } }) => setShortcut(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Field.Root
                name="text"
                required
                error={errors.text ?? (unknown.length > 0 ? t('savedReplies.field.unknown', 'Unknown placeholders: {list}', { list: unknown.map((path) => `{{${path}}}`).join(', ') }) : undefined)}
                hint={t(
                  'savedReplies.field.textHint',
                  'Placeholders: {list}. {count} / {max}',
                  { list: PLACEHOLDER_LIST, count: text.length, max: SAVED_REPLY_TEXT_MAX }
                )}
              >
                <Field.Label>{t('savedReplies.field.text', 'Text')}</Field.Label>
                <Textarea value={text} rows={5} maxLength={SAVED_REPLY_TEXT_MAX} onChange={(event: { target: { value: string } }) => setText(event.target.value)} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              <Box>
                <Typography variant="sigma" textColor="neutral600">
                  {t('savedReplies.preview.title', 'Preview for a sample candidate (Asha Rao, Pune)')}
                </Typography>
                <Box marginTop={2} padding={3} hasRadius background="success100" borderColor="success200" style={{ borderWidth: 1, borderStyle: 'solid' }} data-testid="saved-reply-preview">
                  <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {preview.text || t('savedReplies.preview.empty', 'The text appears here as the candidate receives it.')}
                  </Typography>
                </Box>
                {preview.missing.length > 0 && (
                  <Typography variant="pi" textColor="warning600">
                    {t('savedReplies.preview.missing', 'The sample candidate has no value for {list}: such a candidate gets an empty space there.', {
                      list: preview.missing.map((path) => `{{${path}}}`).join(', '),
                    })}
                  </Typography>
                )}
              </Box>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{t('savedReplies.dialog.cancel', 'Cancel')}</Button>
            </Modal.Close>
            <Button type="submit" loading={saving} disabled={!shortcut.trim() || !text.trim() || unknown.length > 0}>
              {t('savedReplies.dialog.save', 'Save')}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
