import { Box, Button, Flex, Loader, Modal, Typography } from '@strapi/design-system';
import { useTemplatePreview, type AdminTemplateView } from '../../../api/templates';
import { useQueryErrorNotification } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

/** The template's text as a candidate would read it, with its sample values in place. */
export const PreviewModal = ({ template, onClose }: { template: AdminTemplateView | null; onClose: () => void }) => {
  const t = useTranslate();
  const preview = useTemplatePreview(template?.documentId ?? null);
  useQueryErrorNotification(preview.error);
  return (
    <Modal.Root open={Boolean(template)} onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('templates.preview.title', 'Preview: {name}', { name: template?.name ?? '' })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {preview.isLoading ? (
            <Flex justifyContent="center">
              <Loader small>{t('inbox.loading', 'Loading…')}</Loader>
            </Flex>
          ) : preview.data ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Box background="success100" padding={4} hasRadius>
                <Typography style={{ whiteSpace: 'pre-wrap' }} data-testid="template-preview">
                  {preview.data.text}
                </Typography>
              </Box>
              {preview.data.missing.length > 0 && (
                <Typography variant="pi" textColor="warning600">
                  {t('templates.preview.missing', 'No sample value for {placeholders}', {
                    placeholders: preview.data.missing.map((number) => `{{${number}}}`).join(', '),
                  })}
                </Typography>
              )}
            </Flex>
          ) : null}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('templates.preview.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
