import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { ArrowClockwise, Plus } from '@strapi/icons';
import { actionUid } from '../../../../shared/permissions';
import { useSubmitTemplate, useSyncTemplates, useTemplatesQuery, type AdminTemplateView } from '../../api/templates';
import { ListBody } from '../../components/ListBody';
import { PLUGIN_ID } from '../../pluginId';
import { useNotifyError, useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { PreviewModal } from './components/PreviewModal';
import { TemplatesTable } from './components/TemplatesTable';

const PERMISSIONS = [{ action: actionUid('templatesManage'), subject: null }];
const EDITOR = `/plugins/${PLUGIN_ID}/templates`;

/** Templates with their WhatsApp approval; syncing from Twilio and submitting need templates.manage. */
export const TemplatesPage = () => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const canManage = Boolean(allowedActions.canManage);
  const [page, setPage] = useState(1);
  const [previewing, setPreviewing] = useState<AdminTemplateView | null>(null);
  const templates = useTemplatesQuery(page);
  const sync = useSyncTemplates();
  const submit = useSubmitTemplate();
  useQueryErrorNotification(templates.error);

  const onSync = () =>
    sync.mutate(undefined, {
      onError: notifyError,
      onSuccess: (result) =>
        toggleNotification({
          type: 'success',
          message: t('templates.sync.done', 'Synced {total} templates from Twilio: {created} new, {updated} updated, {markedDeleted} deleted there.', result),
        }),
    });

  const onSubmit = (template: AdminTemplateView) =>
    submit.mutate(template.documentId, {
      onError: notifyError,
      onSuccess: () =>
        toggleNotification({ type: 'success', message: t('templates.submit.done', '"{name}" was submitted for WhatsApp approval.', { name: template.name }) }),
    });

  const title = t('templates.title', 'Templates');
  const syncButton = canManage ? (
    <Button startIcon={<ArrowClockwise />} loading={sync.isPending} onClick={onSync}>
      {sync.isPending ? t('templates.sync.running', 'Syncing…') : t('templates.sync', 'Sync from Twilio')}
    </Button>
  ) : undefined;
  const createLink = canManage ? (
    <LinkButton tag={RouterLink} to={`${EDITOR}/new`} variant="secondary" startIcon={<Plus />}>
      {t('templates.create', 'Create a template')}
    </LinkButton>
  ) : undefined;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('templates.subtitle', 'Messages WhatsApp approved for sending outside the 24-hour reply window')}
        primaryAction={syncButton}
        secondaryAction={createLink}
      />
      <Layouts.Content>
        <ListBody
          query={templates}
          onPage={setPage}
          empty={{
            content: t(
              'templates.empty',
              'No templates yet. Sync the ones your Twilio account already holds, or create one here and submit it for approval.'
            ),
            action: (
              <Flex gap={2}>
                {syncButton}
                {createLink}
              </Flex>
            ),
          }}
        >
          {(items) => (
            <TemplatesTable
              templates={items}
              canManage={canManage}
              submittingId={submit.isPending ? (submit.variables ?? null) : null}
              onPreview={setPreviewing}
              onSubmit={onSubmit}
            />
          )}
        </ListBody>
        <PreviewModal template={previewing} onClose={() => setPreviewing(null)} />
      </Layouts.Content>
    </Page.Main>
  );
};
