import { Typography } from '@strapi/design-system';
import { actorLabel, type ActorType } from '../../../shared/audit';
import { useTranslate } from '../utils/useTranslate';

/** Who caused an outbound message, in its bubble: "Sent by Ana Silva (admin)", "Campaign: Spring drive", "API token: CRM", "System". */
export const SentBy = ({ actor }: { actor?: { type: ActorType; name: string | null } | null }) => {
  const t = useTranslate();
  const label = actorLabel(actor ?? null);
  if (!label) return null;
  return (
    <Typography tag="p" variant="pi" textColor="neutral600" data-testid="message-actor">
      {actor?.type === 'admin' || actor?.type === 'user' ? t('inbox.thread.sentBy', 'Sent by {actor}', { actor: label }) : label}
    </Typography>
  );
};
