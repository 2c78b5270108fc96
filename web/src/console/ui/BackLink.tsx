import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Back to wherever the reader came from (a queue, a search); a page opened from a link goes home. */
export function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const firstPage = location.key === 'default';
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      style={{ alignSelf: 'flex-start' }}
      onClick={() => (firstPage ? navigate('/console') : navigate(-1))}
    >
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('return.back')}
    </Anchor>
  );
}
