import { QueryClientProvider } from '@tanstack/react-query';
import { ProtectedPage } from '../../../components/ProtectedPage';
import { queryClient } from '../../../utils/queryClient';
import { GoLivePage } from './GoLivePage';

/** The Go live view behind settings.read, like the Twilio settings beside it. */
export const ProtectedGoLivePage = () => (
  <QueryClientProvider client={queryClient}>
    <ProtectedPage read="settingsRead">
      <GoLivePage />
    </ProtectedPage>
  </QueryClientProvider>
);
