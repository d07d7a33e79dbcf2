import { lazy, Suspense, type ComponentType } from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, Routes, Route } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { PluginNav } from '../components/PluginNav';
import { ProtectedPage } from '../components/ProtectedPage';
import type { PluginActionKey } from '../../../shared/permissions';
import { PLUGIN_PAGES, type PluginPage } from '../utils/pages';
import { queryClient } from '../utils/queryClient';
import { useAllowedPages } from '../utils/useAllowedPages';

const InboxPage = lazy(() => import('./Inbox/InboxPage').then((module) => ({ default: module.InboxPage })));
const TemplatesPage = lazy(() => import('./Templates/TemplatesPage').then((module) => ({ default: module.TemplatesPage })));
const TemplateEditorPage = lazy(() => import('./Templates/TemplateEditorPage').then((module) => ({ default: module.TemplateEditorPage })));
const CampaignsPage = lazy(() => import('./Campaigns/CampaignsPage').then((module) => ({ default: module.CampaignsPage })));
const CandidatesPage = lazy(() => import('./Candidates/CandidatesPage').then((module) => ({ default: module.CandidatesPage })));
const CampaignWizardPage = lazy(() => import('./Campaigns/CampaignWizardPage').then((module) => ({ default: module.CampaignWizardPage })));
const CampaignPage = lazy(() => import('./Campaigns/CampaignPage').then((module) => ({ default: module.CampaignPage })));
const AuditPage = lazy(() => import('./Audit/AuditPage').then((module) => ({ default: module.AuditPage })));
const SavedRepliesPage = lazy(() => import('./SavedReplies/SavedRepliesPage').then((module) => ({ default: module.SavedRepliesPage })));
const SyncStatusPage = lazy(() => import('./SyncStatus/SyncStatusPage').then((module) => ({ default: module.SyncStatusPage })));

/** The permission that lets a role read the page at `path`. */
const readOf = (path: PluginPage['path']) => PLUGIN_PAGES.find((page) => page.path === path)!.read;

/** Each route, and the page whose read permission guards it (or its own permission). */
const PAGE_ROUTES: Array<{ path: string; page: PluginPage['path']; permission?: PluginActionKey; Component: ComponentType }> = [
  { path: 'inbox', page: 'inbox', Component: InboxPage },
  { path: 'candidates', page: 'candidates', Component: CandidatesPage },
  { path: 'templates', page: 'templates', Component: TemplatesPage },
  { path: 'templates/:id', page: 'templates', Component: TemplateEditorPage },
  { path: 'campaigns', page: 'campaigns', Component: CampaignsPage },
  { path: 'campaigns/new', page: 'campaigns', permission: 'campaignsManage', Component: CampaignWizardPage },
  { path: 'campaigns/:id/edit', page: 'campaigns', permission: 'campaignsManage', Component: CampaignWizardPage },
  { path: 'campaigns/:id', page: 'campaigns', Component: CampaignPage },
  { path: 'sync-status', page: 'sync-status', Component: SyncStatusPage },
  { path: 'audit', page: 'audit', Component: AuditPage },
  { path: 'saved-replies', page: 'saved-replies', Component: SavedRepliesPage },
];

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
          {PAGE_ROUTES.map(({ path, page, permission, Component }) => (
            <Route
              key={path}
              path={path}
              element={
                <ProtectedPage read={permission ?? readOf(page)}>
                  <Component />
                </ProtectedPage>
              }
            />
          ))}
          <Route path="*" element={<Page.Error />} />
        </Routes>
      </Suspense>
    </Layouts.Root>
  </QueryClientProvider>
);
