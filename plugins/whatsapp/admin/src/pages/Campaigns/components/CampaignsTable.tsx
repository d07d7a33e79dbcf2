import { useNavigate } from 'react-router-dom';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AdminCampaignView } from '../../../api/campaigns';
import { PLUGIN_ID } from '../../../pluginId';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';
import { CampaignProgress } from './CampaignProgress';
import { CampaignStateBadge } from './CampaignStateBadge';

const COLUMNS = 5;

/** One row per campaign; a row opens the campaign. */
export const CampaignsTable = ({ campaigns }: { campaigns: AdminCampaignView[] }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const navigate = useNavigate();
  return (
    <Table colCount={COLUMNS} rowCount={campaigns.length + 1}>
      <Thead>
        <Tr>
          <Th>{t('campaigns.column.name', 'Name')}</Th>
          <Th>{t('campaigns.column.state', 'State')}</Th>
          <Th>{t('campaigns.column.progress', 'Progress')}</Th>
          <Th>{t('campaigns.column.launched', 'Launched')}</Th>
          <Th>{t('campaigns.column.completed', 'Completed')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {campaigns.map((campaign) => (
          <Tr
            key={campaign.documentId}
            data-campaign={campaign.documentId}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(`/plugins/${PLUGIN_ID}/campaigns/${campaign.documentId}`)}
          >
            <Td>
              <Typography fontWeight="bold">{campaign.name}</Typography>
              {campaign.template && (
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {campaign.template.name}
                </Typography>
              )}
            </Td>
            <Td>
              <CampaignStateBadge state={campaign.state} />
            </Td>
            <Td>
              <Box width="22rem">
                <CampaignProgress progress={campaign.progress} />
              </Box>
            </Td>
            <Td>
              <Typography variant="pi">{formatDateTime(campaign.startedAt)}</Typography>
            </Td>
            <Td>
              <Typography variant="pi">{formatDateTime(campaign.completedAt)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
