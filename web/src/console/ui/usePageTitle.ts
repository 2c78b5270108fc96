import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The tab title names the page, so a screen reader announces where a link led and tabs stay tellable. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
}
