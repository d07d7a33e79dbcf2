import { Flex, Typography } from '@strapi/design-system';
import type { AdminCampaignView } from '../../../api/campaigns';
import { useTranslate } from '../../../utils/useTranslate';

const REASONS: Record<keyof AdminCampaignView['stats']['skippedBy'], string> = {
  opted_out: 'Opted out',
  invalid_phone: 'No valid phone number',
  missing_variable: 'A placeholder had no value',
  duplicate_phone: 'Same number as another candidate',
  candidate_deleted: 'Candidate deleted',
};

/** Why recipients were not sent to, one line per reason that occurred. */
export const SkippedReasons = ({ skippedBy }: { skippedBy: AdminCampaignView['stats']['skippedBy'] }) => {
  const t = useTranslate();
  const present = (Object.keys(REASONS) as Array<keyof typeof REASONS>).filter((reason) => (skippedBy[reason] ?? 0) > 0);
  if (present.length === 0) {
    return <Typography textColor="neutral600">{t('campaigns.skipped.none', 'No recipient was skipped.')}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      {present.map((reason) => (
        <Flex key={reason} justifyContent="space-between">
          <Typography>{t(`campaigns.skipped.${reason}`, REASONS[reason])}</Typography>
          <Typography fontWeight="bold">{skippedBy[reason]}</Typography>
        </Flex>
      ))}
    </Flex>
  );
};
