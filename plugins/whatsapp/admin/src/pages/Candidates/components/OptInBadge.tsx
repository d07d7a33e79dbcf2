import { Badge } from '@strapi/design-system';
import type { OptInState } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';

const LOOK: Record<OptInState, { label: string; background: string; text: string }> = {
  opted_in: { label: 'Opted in', background: 'success100', text: 'success700' },
  unknown: { label: 'Not asked', background: 'neutral150', text: 'neutral700' },
  opted_out: { label: 'Opted out', background: 'danger100', text: 'danger700' },
};

/** A candidate's opt-in state; opted out stands out (they are never sent to). */
export const OptInBadge = ({ state }: { state: OptInState }) => {
  const t = useTranslate();
  const look = LOOK[state] ?? LOOK.unknown;
  return (
    <Badge backgroundColor={look.background} textColor={look.text}>
      {t(`candidates.optIn.${state}`, look.label)}
    </Badge>
  );
};
