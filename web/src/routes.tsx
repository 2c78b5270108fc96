// The team console under /console. The customer portal is its own entry (portal.html, portal/main.tsx),
// served for /returns/*, so neither downloads the other.
import { createBrowserRouter, Navigate } from 'react-router';
import { ConsoleLayout } from './console/ConsoleLayout.tsx';
import { CasePage } from './console/cases/CasePage.tsx';
import { CaseQueuePage } from './console/cases/CaseQueuePage.tsx';
import { InboxPage } from './console/messages/InboxPage.tsx';
import { HomeQueue } from './console/queues/HomeQueue.tsx';
import { QueuePage } from './console/queues/QueuePage.tsx';
import { ManualRefundsPage } from './console/refunds/ManualRefundsPage.tsx';
import { ReturnPage } from './console/return/ReturnPage.tsx';
import { SearchPage } from './console/search/SearchPage.tsx';
import { RequireSession } from './console/session/RequireSession.tsx';
import { SignInPage } from './console/session/SignInPage.tsx';
import { PageLoader } from './console/ui/PageLoader.tsx';

// Suppliers, their claims and the month's reconciliation: loaded when first opened.
const suppliers = () => import('./console/suppliers/pages.ts');
const supplierRoutes = [
  { path: 'suppliers', lazy: async () => ({ Component: (await suppliers()).SuppliersPage }) },
  { path: 'suppliers/:code', lazy: async () => ({ Component: (await suppliers()).SupplierPage }) },
  { path: 'supplier-claims', lazy: async () => ({ Component: (await suppliers()).ClaimsPage }) },
  { path: 'supplier-claims/:id', lazy: async () => ({ Component: (await suppliers()).ClaimPage }) },
  {
    path: 'supplier-reconciliation',
    lazy: async () => ({ Component: (await suppliers()).ReconciliationPage }),
  },
];

export const router = createBrowserRouter([
  { path: '/console/sign-in', element: <SignInPage /> },
  {
    path: '/console',
    // Shown while a page loaded on first open (policy, analytics) arrives.
    hydrateFallbackElement: <PageLoader />,
    element: (
      <RequireSession>
        <ConsoleLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeQueue /> },
      { path: 'queues/:queue', element: <QueuePage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'returns/:id', element: <ReturnPage /> },
      { path: 'cases/queue/:kind', element: <CaseQueuePage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'refunds', element: <ManualRefundsPage /> },
      { path: 'inbox', element: <InboxPage /> },
      {
        path: 'messages/templates',
        lazy: async () => ({
          Component: (await import('./console/messages/TemplatesPage.tsx')).TemplatesPage,
        }),
      },
      // Loaded when first opened: the charts library and the policy schema are most of their weight.
      {
        path: 'policy',
        lazy: async () => ({ Component: (await import('./console/policy/PolicyPage.tsx')).PolicyPage }),
      },
      {
        path: 'rates',
        lazy: async () => ({ Component: (await import('./console/rates/RatesPage.tsx')).RatesPage }),
      },
      {
        path: 'put-away',
        lazy: async () => ({
          Component: (await import('./console/disposition/PutAwayPage.tsx')).PutAwayPage,
        }),
      },
      {
        path: 'store-credit',
        lazy: async () => ({
          Component: (await import('./console/store-credit/StoreCreditPage.tsx')).StoreCreditPage,
        }),
      },
      {
        path: 'integrations',
        lazy: async () => ({
          Component: (await import('./console/integrations/IntegrationsPage.tsx')).IntegrationsPage,
        }),
      },
      {
        path: 'analytics',
        lazy: async () => ({
          Component: (await import('./console/analytics/AnalyticsPage.tsx')).AnalyticsPage,
        }),
      },
      ...supplierRoutes,
      { path: '*', element: <Navigate to="/console" replace /> },
    ],
  },
  { path: '*', element: <Navigate to="/console" replace /> },
]);
