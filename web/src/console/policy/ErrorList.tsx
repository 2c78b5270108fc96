import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './draft.ts';
import { usePolicyLabels } from './labels.ts';

/** Every problem of the draft with the setting it belongs to: the JSON view has no fields to show them on. */
export function ErrorList({ errors, currency }: { errors: FieldErrors; currency: string }) {
  const { t } = useTranslation();
  const labels = usePolicyLabels(currency);
  if (errors.size === 0) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('policy.save.invalid', { count: errors.size })}
      role="alert"
    >
      <List size="sm" spacing={2}>
        {[...errors].map(([path, message]) => (
          <List.Item key={path}>
            <strong>{path ? labels.label(path) : t('policy.document')}</strong>: {message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
