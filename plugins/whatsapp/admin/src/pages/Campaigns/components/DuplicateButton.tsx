import { useNavigate } from 'react-router-dom';
import { useNotification } from '@strapi/strapi/admin';
import { Button } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useDuplicateCampaign } from '../../../api/campaigns';
import { PLUGIN_ID } from '../../../pluginId';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

/** A new draft with this campaign's template, placeholders and audience, opened in the wizard. */
export const DuplicateButton = ({ campaignId }: { campaignId: string }) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const duplicate = useDuplicateCampaign();
  return (
    <Button
      variant="secondary"
      startIcon={<Duplicate />}
      loading={duplicate.isPending}
      onClick={() =>
        duplicate.mutate(campaignId, {
          onSuccess: (copy) => {
            toggleNotification({ type: 'success', message: t('campaigns.duplicated', 'Campaign duplicated as a draft') });
            navigate(`/plugins/${PLUGIN_ID}/campaigns/${copy.documentId}/edit`);
          },
          onError: notifyError,
        })
      }
    >
      {t('campaigns.duplicate', 'Duplicate')}
    </Button>
  );
};
