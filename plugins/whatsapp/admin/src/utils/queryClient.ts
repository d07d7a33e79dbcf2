import { QueryClient } from '@tanstack/react-query';

/** One query client for the plugin's pages, the settings page included. */
export const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });
