import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/transport.ts';

const KNOWN = ['forbidden', 'illegal_transition', 'invalid_request', 'not_found', 'unauthorized'];

/** A refusal as the server worded it: a translated headline from its stable code, then its detail. */
export function ProblemAlert({ error, children, ...props }: { error: unknown } & Omit<AlertProps, 'title'>) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const code = problem && KNOWN.includes(problem.code) ? problem.code : 'other';
  const fields = problem?.errors?.map((e) => `${e.path}: ${e.message}`) ?? [];
  return (
    <Alert color="red" role="alert" icon={<IconAlertTriangle />} title={t(`problem.${code}`)} {...props}>
      {problem?.detail || (error instanceof Error ? error.message : String(error))}
      {fields.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {children}
    </Alert>
  );
}
