import { ProtectedPage } from '../../components/ProtectedPage';
import { SettingsPage } from './SettingsPage';

/** The settings page behind settings.read, as the admin's own settings pages are. */
export const ProtectedSettingsPage = () => (
  <ProtectedPage read="settingsRead">
    <SettingsPage />
  </ProtectedPage>
);
