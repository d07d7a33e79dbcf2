import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Alert, Box, Button, Dialog, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Duplicate, PaperPlane, Trash } from '@strapi/icons';
import { actionUid } from '../../../../shared/permissions';
import { submittable } from '../../../../shared/templates';
import {
  useDeleteTemplate,
  useNewTemplateVersion,
  useSaveTemplate,
  useSubmitTemplate,
  useTemplateQuery,
  type EditorTemplate,
} from '../../api/templates';
import { WhatsAppPreview } from '../../components/WhatsAppPreview';
import { PLUGIN_ID } from '../../pluginId';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { TemplateForm } from './components/TemplateForm';
import { TemplateStatusBadge } from './components/TemplateStatusBadge';
import { draftOf, EMPTY_FORM, formOf, hasIssues, issuesOf, type DraftForm } from './components/templateDraft';

const PERMISSIONS = [{ action: actionUid('templatesManage'), subject: null }];
const LIST = `/plugins/${PLUGIN_ID}/templates`;

/**
 * Writing a template: the form beside a live WhatsApp preview. A draft is ours alone; once
 * submitted, Twilio holds it and never changes it, so neither do we: it can only be copied into a
 * new version, and deleting it deletes it at Twilio first.
 */
export const TemplateEditorPage = () => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const { id = 'new' } = useParams<{ id: string }>();
  const isNew = id === 'new';
  const { allowedActions } = useRBAC(PERMISSIONS);
  const canManage = Boolean(allowedActions.canManage);
  const template = useTemplateQuery(isNew ? null : id);
  const save = useSaveTemplate();
  const submit = useSubmitTemplate();
  const newVersion = useNewTemplateVersion();
  const remove = useDeleteTemplate();
  const [form, setForm] = useState<DraftForm>(EMPTY_FORM);
  const [attempted, setAttempted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useQueryErrorNotification(template.error);

  const loaded: EditorTemplate | undefined = template.data;
  useEffect(() => {
    setForm(loaded ? formOf(loaded) : EMPTY_FORM);
    setAttempted(false);
  }, [loaded, isNew]);

  if (!isNew && template.isLoading) return <Page.Loading />;
  if (!isNew && !loaded) return <Page.Error />;

  const editable = canManage && (isNew || Boolean(loaded?.editable));
  const issues = issuesOf(form);
  const busy = save.isPending || submit.isPending || newVersion.isPending || remove.isPending;
  const draft = draftOf(form);

  const notify = (message: string) => toggleNotification({ type: 'success', message });

  const saveDraft = async (): Promise<EditorTemplate | null> => {
    setAttempted(true);
    if (hasIssues(issues)) return null;
    try {
      return await save.mutateAsync({ id: isNew ? null : id, draft });
    } catch (error) {
      notifyError(error);
      return null;
    }
  };

  const onSaveDraft = async () => {
    const saved = await saveDraft();
    if (!saved) return;
    notify(t('templates.editor.saved', 'Draft "{name}" saved. Nothing was sent to Twilio.', { name: saved.name }));
    if (isNew) navigate(`${LIST}/${saved.documentId}`, { replace: true });
  };

  const onSubmit = async () => {
    const saved = editable ? await saveDraft() : (loaded ?? null);
    if (!saved) return;
    try {
      await submit.mutateAsync(saved.documentId);
      notify(t('templates.submit.done', '"{name}" was submitted for WhatsApp approval.', { name: saved.name }));
      await template.refetch();
    } catch (error) {
      notifyError(error);
    }
    if (isNew) navigate(`${LIST}/${saved.documentId}`, { replace: true });
  };

  const onNewVersion = () =>
    newVersion.mutate(id, {
      onError: notifyError,
      onSuccess: (created) => {
        notify(t('templates.editor.versioned', 'New draft "{name}" created from this template.', { name: created.name }));
        navigate(`${LIST}/${created.documentId}`);
      },
    });

  const onDelete = () =>
    remove.mutate(id, {
      onError: notifyError,
      onSuccess: (result) => {
        notify(
          result.outcome === 'kept'
            ? t('templates.editor.deleted.kept', 'Deleted at Twilio. Kept here, marked deleted, because messages or campaigns used it.')
            : t('templates.editor.deleted', 'Template deleted.'),
        );
        navigate(LIST);
      },
    });

  const atTwilio = Boolean(loaded?.contentSid);
  const title = isNew ? t('templates.editor.new', 'New template') : (loaded?.name ?? '');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={RouterLink} to={LIST} startIcon={<ArrowLeft />}>
            {t('templates.editor.back', 'All templates')}
          </Link>
        }
        title={title}
        subtitle={
          loaded ? (
            <Flex gap={2} paddingTop={1}>
              <TemplateStatusBadge template={loaded} />
              {loaded.rejectionReason && (
                <Typography textColor="danger600" variant="pi">
                  {loaded.rejectionReason}
                </Typography>
              )}
            </Flex>
          ) : (
            t('templates.editor.subtitle', 'Write it, check the preview, then save a draft or submit it for WhatsApp approval.')
          )
        }
        primaryAction={
          canManage ? (
            <Flex gap={2}>
              {editable && (
                <Button variant="secondary" loading={save.isPending && !submit.isPending} disabled={busy} onClick={() => void onSaveDraft()}>
                  {t('templates.editor.saveDraft', 'Save as draft')}
                </Button>
              )}
              {(isNew || (loaded && submittable(loaded))) && (
                <Button startIcon={<PaperPlane />} loading={submit.isPending} disabled={busy} onClick={() => void onSubmit()}>
                  {t('templates.submit', 'Submit for approval')}
                </Button>
              )}
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Box paddingBottom={4}>
          <Alert
            variant={atTwilio ? 'warning' : 'default'}
            title={t('templates.editor.rule.title', 'Editing and deleting')}
            closeLabel={t('inbox.close', 'Close')}
          >
            {atTwilio
              ? t(
                  'templates.editor.rule.atTwilio',
                  'Twilio holds this template and never changes a template once created, so it cannot be edited here. "Create a new version" copies it into a new draft (name_v2) to edit and submit. "Delete" deletes it at Twilio first; if Twilio refuses, nothing changes here.',
                )
              : t(
                  'templates.editor.rule.draft',
                  'A draft stays in this app until you submit it. Once submitted, Twilio holds it and it can no longer be edited: you will create a new version instead.',
                )}
          </Alert>
        </Box>
        <Grid.Root gap={6}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
              <TemplateForm form={form} issues={issues} showAll={attempted} disabled={!editable} onChange={setForm} />
              {canManage && !isNew && (
                <Flex gap={2} paddingTop={6}>
                  {atTwilio && (
                    <Button variant="secondary" startIcon={<Duplicate />} loading={newVersion.isPending} disabled={busy} onClick={onNewVersion}>
                      {t('templates.editor.newVersion', 'Create a new version')}
                    </Button>
                  )}
                  <Dialog.Root open={confirmDelete} onOpenChange={setConfirmDelete}>
                    <Dialog.Trigger>
                      <Button variant="danger-light" startIcon={<Trash />} loading={remove.isPending} disabled={busy}>
                        {t('templates.editor.delete', 'Delete')}
                      </Button>
                    </Dialog.Trigger>
                    <Dialog.Content>
                      <Dialog.Header>{t('templates.editor.delete.title', 'Delete this template?')}</Dialog.Header>
                      <Dialog.Body>
                        {atTwilio && !loaded?.deletedAtTwilio
                          ? t(
                              'templates.editor.delete.atTwilio',
                              'It is deleted at Twilio first, and can no longer be sent. Messages and campaigns that used it keep it, marked deleted.',
                            )
                          : t('templates.editor.delete.draft', 'The template is deleted from this app.')}
                      </Dialog.Body>
                      <Dialog.Footer>
                        <Dialog.Cancel>
                          <Button fullWidth variant="tertiary">
                            {t('templates.editor.delete.keep', 'Keep it')}
                          </Button>
                        </Dialog.Cancel>
                        <Dialog.Action>
                          <Button fullWidth variant="danger-light" onClick={onDelete}>
                            {t('templates.editor.delete.confirm', 'Delete the template')}
                          </Button>
                        </Dialog.Action>
                      </Dialog.Footer>
                    </Dialog.Content>
                  </Dialog.Root>
                </Flex>
              )}
            </Box>
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} style={{ position: 'sticky', top: '2rem' }}>
              <Typography variant="delta" tag="h2">
                {t('templates.editor.preview', 'Preview')}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t('templates.editor.preview.hint', 'As the candidate sees it, with the sample values in place.')}
              </Typography>
              <Box paddingTop={4}>
                <WhatsAppPreview body={form.body} values={draft.variables} media={draft.media} quickReplies={draft.quickReplies} />
              </Box>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
