import { IconBuildingFactory2, IconReceiptRefund, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavItem } from '../ui/NavItem.tsx';

export function SuppliersNav() {
  const { t } = useTranslation();
  return (
    <>
      <NavItem to="/console/suppliers" label={t('nav.suppliers')} icon={IconBuildingFactory2} />
      <NavItem to="/console/supplier-claims" label={t('nav.supplierClaims')} icon={IconReceiptRefund} />
      <NavItem to="/console/supplier-reconciliation" label={t('nav.reconciliation')} icon={IconScale} />
    </>
  );
}
