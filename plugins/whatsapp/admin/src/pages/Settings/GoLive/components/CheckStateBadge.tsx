import { Badge } from '@strapi/design-system';
import type { GoLiveCheckState } from '../../../../api/go-live';
import { useTranslate } from '../../../../utils/useTranslate';

const STATES: Record<GoLiveCheckState, { label: string; variant: 'success' | 'warning' | 'danger' }> = {
  ok: { label: 'OK', variant: 'success' },
  warning: { label: 'Warning', variant: 'warning' },
  failing: { label: 'Failing', variant: 'danger' },
};

export const CheckStateBadge = ({ state }: { state: GoLiveCheckState }) => {
  const t = useTranslate();
  return <Badge variant={STATES[state].variant}>{t(`goLive.state.${state}`, STATES[state].label)}</Badge>;
};
