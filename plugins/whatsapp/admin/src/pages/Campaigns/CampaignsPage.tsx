import { useState } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCampaignsQuery } from '../../api/campaigns';
import { ListBody } from '../../components/ListBody';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { CampaignsTable } from './components/CampaignsTable';
import { CreateCampaignLink } from './components/ContentManagerLink';

/** All campaigns with their state and progress; a running one refreshes itself. */
export const CampaignsPage = () => {
  const t = useTranslate();
  const [page, setPage] = useState(1);
  const campaigns = useCampaignsQuery(page);

  useQueryErrorNotification(campaigns.error);

  const title = t('campaigns.title', 'Campaigns');
  const hasCampaigns = (campaigns.data?.data.length ?? 0) > 0;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('campaigns.subtitle', 'A template sent to a group of candidates, and how each message fared')}
        primaryAction={hasCampaigns ? <CreateCampaignLink variant="secondary" /> : undefined}
      />
      <Layouts.Content>
        <ListBody
          query={campaigns}
          onPage={setPage}
          empty={{
            content: t(
              'campaigns.empty',
              'No campaigns yet. Create one in the Content Manager (Campaign: a name, an approved template, its placeholders and the candidates or tags to send to), then launch it here.'
            ),
            action: <CreateCampaignLink />,
          }}
        >
          {(items) => <CampaignsTable campaigns={items} />}
        </ListBody>
      </Layouts.Content>
    </Page.Main>
  );
};
