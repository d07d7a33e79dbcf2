import { useState } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCampaignsQuery } from '../../api/campaigns';
import { ListBody } from '../../components/ListBody';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { CampaignsTable } from './components/CampaignsTable';
import { useCan } from '../Candidates/components/useCan';
import { CreateCampaignLink } from './components/ContentManagerLink';

/** All campaigns with their state and progress; a running one refreshes itself. */
export const CampaignsPage = () => {
  const t = useTranslate();
  const [page, setPage] = useState(1);
  const campaigns = useCampaignsQuery(page);
  const canManage = useCan('campaignsManage');

  useQueryErrorNotification(campaigns.error);

  const title = t('campaigns.title', 'Campaigns');
  const hasCampaigns = (campaigns.data?.data.length ?? 0) > 0;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('campaigns.subtitle', 'A template sent to a group of candidates, and how each message fared')}
        primaryAction={hasCampaigns && canManage ? <CreateCampaignLink /> : undefined}
      />
      <Layouts.Content>
        <ListBody
          query={campaigns}
          onPage={setPage}
          empty={{
            content: t(
              'campaigns.empty',
              'No campaigns yet. A campaign sends an approved template to the candidates you choose: start one with New campaign.'
            ),
            action: canManage ? <CreateCampaignLink /> : undefined,
          }}
        >
          {(items) => <CampaignsTable campaigns={items} />}
        </ListBody>
      </Layouts.Content>
    </Page.Main>
  );
};
