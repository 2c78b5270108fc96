import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** While a page's code arrives (policy and analytics load on first open). */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="60vh">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
