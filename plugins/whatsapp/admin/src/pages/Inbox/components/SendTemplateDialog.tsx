import { useEffect, useState } from 'react';
import { Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { PaperPlane } from '@strapi/icons';
import { useSendableTemplatesQuery, type SendCandidate } from '../../../api/inbox';
import { choiceComplete, TemplateMessageFields, type TemplateChoice } from '../../../components/TemplateMessageFields';
import { useQueryErrorNotification } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

type Props = {
  open: boolean;
  candidate: SendCandidate | null;
  /** The sender the template goes from (shown, so nobody is surprised). */
  sender: string | null;
  sending: boolean;
  onClose: () => void;
  onSend: (choice: { template: string; variables: Record<string, string> }) => Promise<boolean>;
};

/** The composer's "Send a template": an approved template, its values, the preview, send. */
export const SendTemplateDialog = ({ open, candidate, sender, sending, onClose, onSend }: Props) => {
  const t = useTranslate();
  const templates = useSendableTemplatesQuery(open);
  const [choice, setChoice] = useState<TemplateChoice>({ template: null, variables: {} });
  useQueryErrorNotification(templates.error);
  useEffect(() => {
    if (open) setChoice({ template: null, variables: {} });
  }, [open]);

  const list = templates.data?.data ?? [];
  const send = async () => {
    if (!choice.template || !choiceComplete(list, choice)) return;
    if (await onSend({ template: choice.template, variables: choice.variables })) onClose();
  };

  return (
    <Modal.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Modal.Content style={{ width: '92rem', maxWidth: '95vw' }}>
        <Modal.Header>
          <Modal.Title>{t('send.title', 'Send a template')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {templates.isLoading ? (
            <Flex justifyContent="center">
              <Loader small>{t('inbox.loading', 'Loading…')}</Loader>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={4}>
              {sender && (
                <Typography variant="pi" textColor="neutral600">
                  {t('send.from', 'Sent from {sender} to {to}.', { sender, to: candidate?.name ? `${candidate.name} (${candidate.phone})` : (candidate?.phone ?? '') })}
                </Typography>
              )}
              <TemplateMessageFields templates={list} candidate={candidate} value={choice} disabled={sending} onChange={setChoice} />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('send.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button startIcon={<PaperPlane />} loading={sending} disabled={!choiceComplete(list, choice)} onClick={() => void send()}>
            {t('send.submit', 'Send the template')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
