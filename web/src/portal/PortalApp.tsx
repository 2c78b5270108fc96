// The customer returns portal, one per store under /returns/:store. Mounted by web/src/routes.tsx as
// `{ path: '/returns/*', element: <PortalApp /> }`; its own routes below are relative to that.
import { isRmaFormat } from '@domain/returns/rma.ts';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Navigate, Route, Routes, useParams } from 'react-router';
import { CasePage } from './cases/CasePage.tsx';
import { NewCasePage } from './cases/NewCasePage.tsx';
import { portalI18n } from './i18n/index.ts';
import { PortalLayout } from './layout/PortalLayout.tsx';
import { LookupPage } from './lookup/LookupPage.tsx';
import { NoStorePage, RmaPage } from './lookup/NoStorePage.tsx';
import { OrderPage } from './order/OrderPage.tsx';
import { RequestWizardPage } from './request/RequestWizard.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import { PortalScopeProvider, usePortalScope } from './session/scope.tsx';
import { ReturnPage } from './status/ReturnPage.tsx';
import { SurveyPage } from './survey/SurveyPage.tsx';
import { WithdrawalPage } from './withdraw/WithdrawalPage.tsx';

export function PortalApp() {
  // The page's language is the portal's while it is on screen (screen readers pick their voice by it).
  useEffect(() => {
    const mark = (language: string) => {
      document.documentElement.lang = language;
    };
    mark(portalI18n.language);
    portalI18n.on('languageChanged', mark);
    return () => portalI18n.off('languageChanged', mark);
  }, []);
  return (
    <I18nextProvider i18n={portalI18n} defaultNS="portal">
      <Routes>
        <Route index element={<NoStorePage />} />
        <Route path=":store/*" element={<StorePortal />} />
      </Routes>
    </I18nextProvider>
  );
}

function StorePortal() {
  const { store = '' } = useParams();
  // The QR code on a printed label carries /returns/<RMA>: say what it is rather than "no such store".
  if (isRmaFormat(store)) return <RmaPage rma={store.toUpperCase()} />;
  return (
    // A new store is a new scope: nothing of one store's session is seen under another's address.
    <PortalScopeProvider key={store} store={store}>
      <PortalLayout>
        <Routes>
          <Route index element={<Start />} />
          <Route path="order" element={<Private page={<OrderPage />} />} />
          <Route path="request" element={<Private page={<RequestWizardPage />} />} />
          <Route path="returns/:id" element={<Private page={<ReturnPage />} />} />
          <Route path="cases/new/:kind" element={<Private page={<NewCasePage />} />} />
          <Route path="cases/:id" element={<Private page={<CasePage />} />} />
          <Route path="withdraw" element={<Private page={<WithdrawalPage />} />} />
          <Route path="survey/:id" element={<Private page={<SurveyPage />} />} />
          <Route path="*" element={<Navigate to="." replace />} />
        </Routes>
      </PortalLayout>
    </PortalScopeProvider>
  );
}

function Private({ page }: { page: ReactNode }) {
  return <RequireSession>{page}</RequireSession>;
}

/** The store's portal address: the order when a session is open (a reopened link), else the lookup. */
function Start() {
  const { session } = usePortalScope();
  return session ? <Navigate to="order" replace /> : <LookupPage />;
}
