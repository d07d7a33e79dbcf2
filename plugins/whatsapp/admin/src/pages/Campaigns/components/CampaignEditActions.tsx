import { Link as RouterLink } from 'react-router-dom';
import { Flex, Link, LinkButton } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import type { AdminCampaignView } from '../../../api/campaigns';
import { PLUGIN_ID } from '../../../pluginId';
import { useTranslate } from '../../../utils/useTranslate';
import { useCan } from '../../Candidates/components/useCan';
import { CAMPAIGNS_IN_CONTENT_MANAGER } from './ContentManagerLink';
import { DuplicateButton } from './DuplicateButton';

/** Edit in the wizard (drafts and scheduled campaigns), duplicate, or open in the Content Manager. */
export const CampaignEditActions = ({ campaign }: { campaign: AdminCampaignView }) => {
  const t = useTranslate();
  const canManage = useCan('campaignsManage');
  const editable = campaign.state === 'draft' || campaign.state === 'scheduled';
  return (
    <Flex gap={3}>
      {canManage && editable && (
        <LinkButton tag={RouterLink} variant="secondary" startIcon={<Pencil />} to={`/plugins/${PLUGIN_ID}/campaigns/${campaign.documentId}/edit`}>
          {t('campaigns.edit', 'Edit')}
        </LinkButton>
      )}
      {canManage && <DuplicateButton campaignId={campaign.documentId} />}
      <Link tag={RouterLink} to={`${CAMPAIGNS_IN_CONTENT_MANAGER}/${campaign.documentId}`}>
        {t('campaigns.detail.edit', 'Open in the Content Manager')}
      </Link>
    </Flex>
  );
};
