// The customer portal's own entry (web/portal.html, served for /returns/*): it never loads the team
// console's code or its languages, and it loads one portal language, the customer's, before the
// first paint (others when the customer switches).
import '@mantine/core/styles.css';
import '../styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { makeQueryClient } from '../query-client.ts';
import { contrastVariables, theme } from '../theme.ts';
import { loadPortalLanguage, portalI18n } from './i18n/index.ts';
import { PortalApp } from './PortalApp.tsx';

const router = createBrowserRouter([{ path: '/returns/*', element: <PortalApp /> }]);
const queryClient = makeQueryClient();

const root = document.getElementById('root');
if (!root) throw new Error('portal.html has no #root');
void loadPortalLanguage(portalI18n.language).then(() =>
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
