// The suppliers' pages, one chunk loaded when the first of them opens.
export { ClaimPage } from './ClaimPage.tsx';
export { ClaimsPage } from './ClaimsPage.tsx';
export { ReconciliationPage } from './ReconciliationPage.tsx';
export { SupplierPage } from './SupplierPage.tsx';
export { SuppliersPage } from './SuppliersPage.tsx';
