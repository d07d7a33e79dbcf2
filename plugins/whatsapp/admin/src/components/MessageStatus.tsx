import { useIntl } from 'react-intl';
import { Flex, Typography } from '@strapi/design-system';
import { Check, Clock, CrossCircle } from '@strapi/icons';
import { getTranslation } from '../utils/getTranslation';

const FAILED = new Set(['failed', 'undelivered']);
const WAITING = new Set(['pending', 'accepted', 'scheduled', 'queued', 'sending']);

/** WhatsApp-style ticks for an outbound message: clock, one tick (sent), two (delivered), two blue (read). */
export const MessageStatus = ({ status }: { status: string }) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: getTranslation(`inbox.status.${status}`), defaultMessage: status });
  let icon = null;
  if (WAITING.has(status)) icon = <Clock width="1.2rem" height="1.2rem" fill="neutral500" />;
  else if (status === 'sent') icon = <Check width="1.2rem" height="1.2rem" fill="neutral500" />;
  else if (status === 'delivered' || status === 'read') {
    const fill = status === 'read' ? 'primary600' : 'neutral500';
    icon = (
      <Flex>
        <Check width="1.2rem" height="1.2rem" fill={fill} />
        <Check width="1.2rem" height="1.2rem" fill={fill} style={{ marginLeft: '-0.6rem' }} />
      </Flex>
    );
  } else if (FAILED.has(status)) icon = <CrossCircle width="1.2rem" height="1.2rem" fill="danger600" />;
  return (
    <Flex gap={1} title={label}>
      {icon}
      <Typography variant="pi" textColor={FAILED.has(status) ? 'danger600' : 'neutral600'}>
        {label}
      </Typography>
    </Flex>
  );
};
