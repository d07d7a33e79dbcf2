import { Link as RouterLink } from 'react-router-dom';
import { LinkButton } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useTranslate } from '../../../utils/useTranslate';

/** Campaigns are created and edited in the Content Manager; the Campaigns page runs them. */
export const CAMPAIGNS_IN_CONTENT_MANAGER = '/content-manager/collection-types/plugin::whatsapp.campaign';

export const CreateCampaignLink = ({ variant = 'default' }: { variant?: 'default' | 'secondary' }) => {
  const t = useTranslate();
  return (
    <LinkButton tag={RouterLink} to={`${CAMPAIGNS_IN_CONTENT_MANAGER}/create`} variant={variant} startIcon={<Plus />}>
      {t('campaigns.create', 'Create a campaign')}
    </LinkButton>
  );
};
