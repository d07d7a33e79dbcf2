import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Alert, Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { actionUid } from '../../../../shared/permissions';
import { useSaveSettings, useSettingsQuery, type SettingsUpdate, type SettingsView } from '../../api/settings';
import { getTranslation } from '../../utils/getTranslation';
import { AutoAssignSection } from './components/AutoAssignSection';
import { useNotifyError } from '../../utils/useApiError';

type FieldName = keyof SettingsUpdate;

const FIELDS: Array<{ name: FieldName; label: string; env: string; hint: string; type?: 'password' | 'number' }> = [
  { name: 'accountSid', label: 'Account SID', env: 'TWILIO_ACCOUNT_SID', hint: 'Starts with AC. Twilio console → Account info.' },
  { name: 'authToken', label: 'Auth token', env: 'TWILIO_AUTH_TOKEN', hint: 'Write-only: stored encrypted, never shown again.', type: 'password' },
  { name: 'whatsappNumber', label: 'WhatsApp sender', env: 'TWILIO_WHATSAPP_NUMBER', hint: 'E.164, e.g. +14155238886 (the sandbox).' },
  { name: 'messagingServiceSid', label: 'Messaging Service SID', env: 'TWILIO_MESSAGING_SERVICE_SID', hint: 'Optional. Sends through the service instead of From.' },
  { name: 'phoneNumber', label: 'Voice number', env: 'TWILIO_PHONE_NUMBER', hint: 'Kept apart from the WhatsApp sender.' },
  { name: 'publicUrl', label: 'Public URL', env: 'WHATSAPP_PUBLIC_URL', hint: 'The base URL Twilio uses to reach this server.' },
  { name: 'mps', label: 'Messages per second', env: 'WHATSAPP_MPS', hint: 'Per sender. The sandbox allows one every 3 s.', type: 'number' },
  { name: 'defaultCountry', label: 'Default country', env: 'WHATSAPP_DEFAULT_COUNTRY', hint: 'Reads numbers written without +, e.g. IN.' },
];

const valueOf = (settings: SettingsView, name: FieldName): string => {
  if (name === 'authToken') return '';
  const value = settings[name as keyof SettingsView];
  if (typeof value === 'number') return String(Number(value.toFixed(3)));
  return value === undefined || value === null ? '' : String(value);
};

export const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const { data: settings, error } = useSettingsQuery();
  const save = useSaveSettings();
  const { allowedActions } = useRBAC({ update: [{ action: actionUid('settingsUpdate'), subject: null }] });
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (settings) setDraft(Object.fromEntries(FIELDS.map(({ name }) => [name, valueOf(settings, name)])));
  }, [settings]);

  if (error) return <Page.Error />;
  if (!settings) return <Page.Loading />;

  const locked = new Set(settings.envLocked);
  // The field shows the saved value until the user edits it, also in the render before the draft is filled.
  const current = (name: FieldName): string => draft[name] ?? valueOf(settings, name);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const update: Record<string, string | number> = {};
    for (const { name, type } of FIELDS) {
      if (locked.has(name)) continue;
      const value = current(name).trim();
      if (name === 'authToken' && !value) continue;
      if (value === valueOf(settings, name)) continue;
      update[name] = type === 'number' ? Number(value) : value;
    }
    setFieldErrors({});
    try {
      await save.mutateAsync(update);
      toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation('settings.saved'), defaultMessage: 'Settings saved' }) });
    } catch (caught) {
      const details = (caught as { response?: { data?: { error?: { details?: { errors?: Array<{ path: string[]; message: string }> } } } } })
        .response?.data?.error?.details?.errors;
      setFieldErrors(Object.fromEntries((details ?? []).map((issue) => [issue.path.join('.'), issue.message])));
      notifyError(caught);
    }
  };

  const base = settings.publicUrl ?? '';
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'WhatsApp settings' })}</Page.Title>
      <form onSubmit={onSubmit}>
        <Layouts.Header
          title={formatMessage({ id: getTranslation('settings.title'), defaultMessage: 'WhatsApp settings' })}
          subtitle={formatMessage({
            id: getTranslation('settings.subtitle'),
            defaultMessage: 'Twilio credentials and sender. Values set in the environment win and are read-only here.',
          })}
          primaryAction={
            <Button type="submit" loading={save.isPending} disabled={!allowedActions.canUpdate}>
              {formatMessage({ id: getTranslation('settings.save'), defaultMessage: 'Save' })}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            {settings.mode === 'emulator' && (
              <Alert variant="warning" closeLabel="Close" title="Twilio emulator">
                {formatMessage({
                  id: getTranslation('home.mode.emulator'),
                  defaultMessage: 'Connected to the bundled Twilio emulator: nothing is sent to real phones.',
                })}
              </Alert>
            )}
            {settings.mode === 'sandbox' && (
              <Alert variant="default" closeLabel="Close" title="WhatsApp sandbox">
                {formatMessage({
                  id: getTranslation('settings.sandbox'),
                  defaultMessage:
                    'Each recipient must first send "join <your sandbox code>" to +14155238886 (and again after 72 hours of silence). Sends are paced at one every 3 seconds.',
                })}
              </Alert>
            )}
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Grid.Root gap={5}>
                {FIELDS.map(({ name, label, env, hint, type }) => (
                  <Grid.Item key={name} col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name={name} hint={locked.has(name) ? `Set by ${env} (environment)` : hint} error={fieldErrors[name]}>
                      <Field.Label>{label}</Field.Label>
                      <TextInput
                        type={type === 'password' ? 'password' : 'text'}
                        value={current(name)}
                        placeholder={name === 'authToken' && settings.authTokenSet ? '•••••••• (saved: type to replace)' : undefined}
                        disabled={locked.has(name) || !allowedActions.canUpdate}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [name]: event.target.value })}
                      />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </Box>
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h2">
                  {formatMessage({ id: getTranslation('settings.webhooks'), defaultMessage: 'Webhook URLs to paste into Twilio' })}
                </Typography>
                {base ? (
                  <>
                    <Typography>
                      A message comes in: <code>{`${base}/api/whatsapp/webhook`}</code> (HTTP POST)
                    </Typography>
                    <Typography>
                      Status callbacks: <code>{`${base}/api/whatsapp/webhook/status`}</code> (set on every message automatically)
                    </Typography>
                  </>
                ) : (
                  <Typography textColor="danger600">
                    {formatMessage({
                      id: getTranslation('settings.noPublicUrl'),
                      defaultMessage: 'Set the public URL first: Twilio needs it to reach this server.',
                    })}
                  </Typography>
                )}
              </Flex>
            </Box>
            <AutoAssignSection canUpdate={Boolean(allowedActions.canUpdate)} />
          </Flex>
        </Layouts.Content>
      </form>
    </Page.Main>
  );
};
