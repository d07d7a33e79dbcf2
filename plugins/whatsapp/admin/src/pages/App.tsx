import { lazy, Suspense } from 'react';
import { Page } from '@strapi/strapi/admin';
import { Routes, Route } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

const InboxPage = lazy(() => import('./Inbox/InboxPage').then((module) => ({ default: module.InboxPage })));

/** One query client for the plugin's pages (STYLE §6). */
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <Suspense fallback={<Page.Loading />}>
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Suspense>
  </QueryClientProvider>
);
