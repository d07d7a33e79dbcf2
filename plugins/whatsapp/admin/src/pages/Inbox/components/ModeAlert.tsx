import { useIntl } from 'react-intl';
import { Alert, Box } from '@strapi/design-system';
import { useTwilioMode, type TwilioMode } from '../../../api/settings';
import { getTranslation } from '../../../utils/getTranslation';

const MODE_VARIANT: Record<TwilioMode, 'default' | 'warning' | 'success' | 'danger'> = {
  emulator: 'warning',
  sandbox: 'default',
  production: 'success',
  unconfigured: 'danger',
};

/** Where Twilio is connected (emulator, sandbox…); hidden for a role that may not read settings. */
export const ModeAlert = () => {
  const { formatMessage } = useIntl();
  const { data: mode } = useTwilioMode();
  if (!mode) return null;
  return (
    <Box paddingBottom={4}>
      <Alert variant={MODE_VARIANT[mode]} closeLabel={formatMessage({ id: getTranslation('inbox.close'), defaultMessage: 'Close' })}>
        {formatMessage({ id: getTranslation(`home.mode.${mode}`), defaultMessage: mode })}
      </Alert>
    </Box>
  );
};
