import { Flex, Typography } from '@strapi/design-system';
import type { AdminCampaignView } from '../../../api/campaigns';
import { Meter } from '../../../components/Meter';
import { useTranslate } from '../../../utils/useTranslate';

/** Recipients handled out of all of them, as a bar and as numbers. */
export const CampaignProgress = ({ progress, size = 'S' }: { progress: AdminCampaignView['progress']; size?: 'S' | 'M' }) => {
  const t = useTranslate();
  const percent = progress.total > 0 ? Math.round((progress.handled / progress.total) * 100) : 0;
  const label = t('campaigns.progress.label', '{handled} of {total} recipients handled', progress);
  return (
    <Flex gap={2} alignItems="center">
      <Meter percent={percent} label={label} height={size === 'S' ? '0.6rem' : '1rem'} />
      <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
        {t('campaigns.progress.short', '{handled} / {total}', progress)}
      </Typography>
    </Flex>
  );
};
