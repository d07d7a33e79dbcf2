import { useState } from 'react';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Dialog, EmptyStateLayout, Flex, IconButton, Loader, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Message, Pencil, Plus, Trash } from '@strapi/icons';
import type { SavedReply } from '../../../../shared/saved-replies';
import { useDeleteSavedReply, useSaveSavedReply, useSavedRepliesQuery } from '../../api/saved-replies';
import { TableHead } from '../../components/TableHead';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { useFormatDateTime, useTranslate } from '../../utils/useTranslate';
import { SavedReplyDialog } from './components/SavedReplyDialog';

type ApiFieldErrors = { response?: { data?: { error?: { details?: { errors?: Array<{ path?: string[]; message: string }> } } } } };

/** Field messages of a 400/409, by field, to show beside the inputs. */
const fieldErrors = (error: unknown): Record<string, string> =>
  Object.fromEntries(((error as ApiFieldErrors).response?.data?.error?.details?.errors ?? []).map((item) => [item.path?.[0] ?? '', item.message]));

/** WhatsApp → Saved replies: what `/` offers in the composer. */
export const SavedRepliesPage = () => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const { toggleNotification } = useNotification();
  const fail = useNotifyError();
  const replies = useSavedRepliesQuery();
  const save = useSaveSavedReply();
  const remove = useDeleteSavedReply();
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useQueryErrorNotification(replies.error);

  const open = (reply: SavedReply | 'new') => {
    setErrors({});
    setEditing(reply);
  };

  const onSave = (input: { shortcut: string; text: string }) =>
    save.mutate(
      { ...input, ...(editing && editing !== 'new' ? { documentId: editing.documentId } : {}) },
      {
        onSuccess: () => {
          setEditing(null);
          toggleNotification({ type: 'success', message: t('savedReplies.saved', 'Saved reply saved') });
        },
        onError: (error) => {
          setErrors(fieldErrors(error));
          fail(error);
        },
      }
    );

  const onDelete = () =>
    deleting &&
    remove.mutate(deleting.documentId, {
      onSuccess: () => toggleNotification({ type: 'success', message: t('savedReplies.deleted', 'Saved reply deleted') }),
      onError: fail,
      onSettled: () => setDeleting(null),
    });

  const title = t('savedReplies.title', 'Saved replies');
  const addButton = (
    <Button startIcon={<Plus />} onClick={() => open('new')}>
      {t('savedReplies.add', 'Add a saved reply')}
    </Button>
  );

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('savedReplies.subtitle', 'Texts staff insert in the inbox by typing / and the shortcut; placeholders are filled from the candidate.')}
        primaryAction={addButton}
      />
      <Layouts.Content>
        {replies.isLoading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('savedReplies.loading', 'Loading saved replies…')}</Loader>
          </Flex>
        ) : !replies.data || replies.data.length === 0 ? (
          <EmptyStateLayout
            icon={<Message width="6.4rem" height="6.4rem" />}
            content={t('savedReplies.empty', 'No saved replies yet. Add the answers your team writes again and again; they come up when someone types / in the inbox.')}
            action={addButton}
          />
        ) : (
          <Table colCount={4} rowCount={replies.data.length + 1}>
            <TableHead labels={[t('savedReplies.col.shortcut', 'Shortcut'), t('savedReplies.col.text', 'Text'), t('savedReplies.col.updated', 'Updated'), t('savedReplies.col.actions', 'Actions')]} />
            <Tbody>
              {replies.data.map((reply) => (
                <Tr key={reply.documentId} data-testid={`saved-reply-${reply.shortcut}`}>
                  <Td>
                    <Typography fontWeight="bold">/{reply.shortcut}</Typography>
                  </Td>
                  <Td style={{ maxWidth: '60rem' }}>
                    <Typography ellipsis>{reply.text}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{formatDateTime(reply.updatedAt)}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={1}>
                      <IconButton label={t('savedReplies.edit', 'Edit /{shortcut}', { shortcut: reply.shortcut })} variant="ghost" onClick={() => open(reply)}>
                        <Pencil />
                      </IconButton>
                      <IconButton label={t('savedReplies.delete', 'Delete /{shortcut}', { shortcut: reply.shortcut })} variant="ghost" onClick={() => setDeleting(reply)}>
                        <Trash />
                      </IconButton>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <SavedReplyDialog
          open={editing !== null}
          reply={editing === 'new' ? null : editing}
          saving={save.isPending}
          errors={errors}
          onClose={() => setEditing(null)}
          onSave={onSave}
        />
        <Dialog.Root open={deleting !== null} onOpenChange={(next) => !next && setDeleting(null)}>
          <Dialog.Content>
            <Dialog.Header>{t('savedReplies.confirm.title', 'Delete this saved reply?')}</Dialog.Header>
            <Dialog.Body>
              <Box>
                <Typography>{t('savedReplies.confirm.body', '/{shortcut} will no longer be offered in the composer. Messages already sent are not changed.', { shortcut: deleting?.shortcut ?? '' })}</Typography>
              </Box>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary">
                  {t('savedReplies.confirm.keep', 'Keep it')}
                </Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button fullWidth variant="danger-light" loading={remove.isPending} onClick={onDelete}>
                  {t('savedReplies.confirm.delete', 'Delete')}
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
