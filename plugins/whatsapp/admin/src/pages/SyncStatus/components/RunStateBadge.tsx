import { Badge } from '@strapi/design-system';
import type { SyncRunView } from '../../../api/sync-status';
import { useTranslate } from '../../../utils/useTranslate';

const STATES: Record<SyncRunView['state'], { label: string; variant: 'neutral' | 'primary' | 'success' | 'danger' }> = {
  queued: { label: 'Queued', variant: 'neutral' },
  running: { label: 'Running', variant: 'primary' },
  completed: { label: 'Completed', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
};

export const RunStateBadge = ({ state }: { state: SyncRunView['state'] }) => {
  const t = useTranslate();
  return <Badge variant={STATES[state].variant}>{t(`sync.state.${state}`, STATES[state].label)}</Badge>;
};
