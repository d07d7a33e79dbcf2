import { lazy, Suspense } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, Routes, Route } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { PluginNav } from '../components/PluginNav';
import { ProtectedPage } from '../components/ProtectedPage';
import { PLUGIN_PAGES, type PluginPage } from '../utils/pages';
import { queryClient } from '../utils/queryClient';
import { useAllowedPages } from '../utils/useAllowedPages';

const InboxPage = lazy(() => import('./Inbox/InboxPage').then((module) => ({ default: module.InboxPage })));
const TemplatesPage = lazy(() => import('./Templates/TemplatesPage').then((module) => ({ default: module.TemplatesPage })));
const CampaignsPage = lazy(() => import('./Campaigns/CampaignsPage').then((module) => ({ default: module.CampaignsPage })));
const CampaignPage = lazy(() => import('./Campaigns/CampaignPage').then((module) => ({ default: module.CampaignPage })));
const SyncStatusPage = lazy(() => import('./SyncStatus/SyncStatusPage').then((module) => ({ default: module.SyncStatusPage })));


/** The permission that lets a role read the page at `path`. */
const readOf = (path: PluginPage['path']) => PLUGIN_PAGES.find((page) => page.path === path)!.read;

/** The menu entry opens the first page the role may read. */
const FirstPage = () => {
  const [first] = useAllowedPages();
  return first ? <Navigate to={first.path} replace /> : <Page.NoPermissions />;
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <Layouts.Root sideNav={<PluginNav />}>
      <Suspense fallback={<Page.Loading />}>
        <Routes>
          <Route index element={<FirstPage />} />
          <Route
            path="inbox"
            element={
              <ProtectedPage read={readOf('inbox')}>
                <InboxPage />
              </ProtectedPage>
            }
          />
          <Route
            path="templates"
            element={
              <ProtectedPage read={readOf('templates')}>
                <TemplatesPage />
              </ProtectedPage>
            }
          />
          <Route
            path="campaigns"
            element={
              <ProtectedPage read={readOf('campaigns')}>
                <CampaignsPage />
              </ProtectedPage>
            }
          />
          <Route
            path="campaigns/:id"
            element={
              <ProtectedPage read={readOf('campaigns')}>
                <CampaignPage />
              </ProtectedPage>
            }
          />
          <Route
            path="sync-status"
            element={
              <ProtectedPage read={readOf('sync-status')}>
                <SyncStatusPage />
              </ProtectedPage>
            }
          />
          <Route path="*" element={<Page.Error />} />
        </Routes>
      </Suspense>
    </Layouts.Root>
  </QueryClientProvider>
);
