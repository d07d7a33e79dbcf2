import { useState } from 'react';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { Button, Dialog, Flex } from '@strapi/design-system';
import { ArrowClockwise, Cross, Play, Rocket, Stop } from '@strapi/icons';
import { actionAllowed } from '../../../../../shared/campaigns';
import { actionUid } from '../../../../../shared/permissions';
import { useCampaignAction, type AdminCampaignView, type CampaignAction } from '../../../api/campaigns';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

const PERMISSIONS = [{ action: actionUid('campaignsManage'), subject: null }];

const BUTTONS: Array<{ action: Exclude<CampaignAction, 'cancel'>; label: string; done: string; icon: JSX.Element }> = [
  { action: 'launch', label: 'Launch', done: 'Campaign launched', icon: <Rocket /> },
  { action: 'pause', label: 'Pause', done: 'Campaign paused', icon: <Stop /> },
  { action: 'resume', label: 'Resume', done: 'Campaign resumed', icon: <Play /> },
  { action: 'retry-failed', label: 'Retry failed', done: 'Failed recipients queued again', icon: <ArrowClockwise /> },
];

/**
 * The actions the campaign's state allows, for a role with campaigns.manage; cancelling asks first
 * (it cannot be undone).
 */
export const CampaignActions = ({ campaign }: { campaign: AdminCampaignView }) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const mutation = useCampaignAction(campaign.documentId);
  const [confirmCancel, setConfirmCancel] = useState(false);

  if (!allowedActions.canManage) return null;

  const failed = campaign.stats.failed + campaign.stats.undelivered;
  const shown = BUTTONS.filter(({ action }) => actionAllowed(action, campaign.state) && (action !== 'retry-failed' || failed > 0));

  const run = (action: CampaignAction, done: string) =>
    mutation.mutate(action, {
      onSuccess: () => toggleNotification({ type: 'success', message: done }),
      onError: notifyError,
    });

  const busy = (action: CampaignAction) => mutation.isPending && mutation.variables === action;

  return (
    <Flex gap={2}>
      {shown.map(({ action, label, done, icon }) => (
        <Button
          key={action}
          variant={action === 'launch' ? 'default' : 'secondary'}
          startIcon={icon}
          loading={busy(action)}
          disabled={mutation.isPending}
          onClick={() => run(action, t(`campaigns.action.${action}.done`, done))}
        >
          {t(`campaigns.action.${action}`, label)}
        </Button>
      ))}
      {actionAllowed('cancel', campaign.state) && (
        <Dialog.Root open={confirmCancel} onOpenChange={setConfirmCancel}>
          <Dialog.Trigger>
            <Button variant="danger-light" startIcon={<Cross />} loading={busy('cancel')} disabled={mutation.isPending}>
              {t('campaigns.action.cancel', 'Cancel campaign')}
            </Button>
          </Dialog.Trigger>
          <Dialog.Content>
            <Dialog.Header>{t('campaigns.cancel.title', 'Cancel this campaign?')}</Dialog.Header>
            <Dialog.Body>
              {t(
                'campaigns.cancel.body',
                'Recipients not sent to yet will not be sent to. Messages already sent stay sent. A cancelled campaign cannot be resumed.'
              )}
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary">
                  {t('campaigns.cancel.keep', 'Keep it')}
                </Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button fullWidth variant="danger-light" onClick={() => run('cancel', t('campaigns.action.cancel.done', 'Campaign cancelled'))}>
                  {t('campaigns.cancel.confirm', 'Cancel campaign')}
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      )}
    </Flex>
  );
};
