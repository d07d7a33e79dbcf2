import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Alert, Box } from '@strapi/design-system';
import { getTranslation } from '../../utils/getTranslation';

type Mode = 'emulator' | 'sandbox' | 'production' | 'unconfigured';

const VARIANT: Record<Mode, 'default' | 'warning' | 'success' | 'danger'> = {
  emulator: 'warning',
  sandbox: 'default',
  production: 'success',
  unconfigured: 'danger',
};

export const HomePage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    get<{ data: { mode: Mode } }>('/whatsapp/settings')
      .then(({ data }) => setMode(data.data.mode))
      .catch(() => setFailed(true));
  }, [get]);

  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTranslation('home.title'), defaultMessage: 'WhatsApp' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('home.title'), defaultMessage: 'WhatsApp' })}
        subtitle={formatMessage({ id: getTranslation('home.subtitle'), defaultMessage: 'Messages to candidates through Twilio' })}
      />
      <Layouts.Content>
        <Box>
          {failed && (
            <Alert variant="danger" closeLabel="Close">
              {formatMessage({ id: getTranslation('home.error'), defaultMessage: 'The WhatsApp settings could not be loaded.' })}
            </Alert>
          )}
          {mode && (
            <Alert variant={VARIANT[mode]} closeLabel="Close">
              {formatMessage({ id: getTranslation(`home.mode.${mode}`), defaultMessage: mode })}
            </Alert>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
