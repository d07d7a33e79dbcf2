import { QueryClientProvider } from '@tanstack/react-query';
import { ProtectedPage } from '../../components/ProtectedPage';
import { queryClient } from '../../utils/queryClient';
import { SettingsPage } from './SettingsPage';

/** The settings page behind settings.read, as the admin's own settings pages are. */
export const ProtectedSettingsPage = () => (
  <QueryClientProvider client={queryClient}>
    <ProtectedPage read="settingsRead">
      <SettingsPage />
    </ProtectedPage>
  </QueryClientProvider>
);
