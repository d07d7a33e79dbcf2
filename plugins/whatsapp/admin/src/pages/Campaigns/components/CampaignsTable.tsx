import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { Box, Link, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { TableHead } from '../../../components/TableHead';
import type { AdminCampaignView } from '../../../api/campaigns';
import { PLUGIN_ID } from '../../../pluginId';
import { useFormatDateTime, useTranslate } from '../../../utils/useTranslate';
import { CampaignProgress } from './CampaignProgress';
import { CampaignStateBadge } from './CampaignStateBadge';

const COLUMNS = 5;

const pathOf = (campaign: AdminCampaignView) => `/plugins/${PLUGIN_ID}/campaigns/${campaign.documentId}`;

/** One row per campaign; a row opens the campaign. */
export const CampaignsTable = ({ campaigns }: { campaigns: AdminCampaignView[] }) => {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const navigate = useNavigate();
  return (
    <Table colCount={COLUMNS} rowCount={campaigns.length + 1}>
      <TableHead
        labels={[
          t('campaigns.column.name', 'Name'),
          t('campaigns.column.state', 'State'),
          t('campaigns.column.progress', 'Progress'),
          t('campaigns.column.launched', 'Launched'),
          t('campaigns.column.completed', 'Completed'),
        ]}
      />
      <Tbody>
        {campaigns.map((campaign) => (
          <Tr
            key={campaign.documentId}
            data-campaign={campaign.documentId}
            style={{ cursor: 'pointer' }}
            onClick={() => navigate(pathOf(campaign))}
          >
            <Td>
              {/* The whole row opens the campaign; the name is the link for the keyboard. */}
              <Link tag={RouterLink} to={pathOf(campaign)} onClick={(event: { stopPropagation(): void }) => event.stopPropagation()}>
                <Typography fontWeight="bold">{campaign.name}</Typography>
              </Link>
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
