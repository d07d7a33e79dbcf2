import { Badge } from '@strapi/design-system';
import type { AdminCampaignView } from '../../../api/campaigns';
import { useTranslate } from '../../../utils/useTranslate';

type State = AdminCampaignView['state'];

const VARIANT: Record<State, 'neutral' | 'secondary' | 'primary' | 'warning' | 'success' | 'danger'> = {
  draft: 'neutral',
  scheduled: 'secondary',
  running: 'primary',
  paused: 'warning',
  completed: 'success',
  cancelled: 'danger',
};

const LABEL: Record<State, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const CampaignStateBadge = ({ state }: { state: State }) => {
  const t = useTranslate();
  return <Badge variant={VARIANT[state]}>{t(`campaigns.state.${state}`, LABEL[state])}</Badge>;
};
