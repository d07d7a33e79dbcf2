import { Link as RouterLink } from 'react-router-dom';
import { LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { PLUGIN_ID } from '../../../pluginId';
import { useTranslate } from '../../../utils/useTranslate';

/** Power users can still edit campaigns as JSON in the Content Manager. */
export const CAMPAIGNS_IN_CONTENT_MANAGER = '/content-manager/collection-types/plugin::whatsapp.campaign';

/** "Create" leads to the New campaign wizard. */
export const CreateCampaignLink = ({ variant = 'default' }: { variant?: 'default' | 'secondary' }) => {
  const t = useTranslate();
  return (
    <LinkButton tag={RouterLink} to={`/plugins/${PLUGIN_ID}/campaigns/new`} variant={variant} startIcon={<Plus />}>
      {t('campaigns.new', 'New campaign')}
    </LinkButton>
  );
};
