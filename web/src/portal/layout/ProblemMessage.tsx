// A refusal in the customer's words. The server words some refusals in the customer's language
// (the lookup's "not found", the policy's explanations); the rest get the portal's own sentence
// for their stable code (a rate limit with the seconds to wait). The server's English detail is
// never shown: an unknown code is named in small print for whoever helps the customer.
import { Alert, type AlertProps, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/transport.ts';
import type { Explanation } from '../api/types.ts';

const OWN_WORDS = [
  'rate_limited',
  'unauthorized',
  'unsupported_media',
  'payload_too_large',
  'illegal_transition',
  'idempotency_conflict',
  'invalid_request',
  'already_shipped',
] as const;

/** the server's words are already the customer's for these */
const SERVER_WORDS = new Set(['not_found', 'not_eligible']);

export function ProblemMessage({
  error,
  ...props
}: { error: unknown } & Omit<AlertProps, 'title' | 'children'>) {
  const { t } = useTranslation('portal');
  const problem = error instanceof ApiError ? error.problem : null;
  const explanations = ((problem as { explanations?: Explanation[] } | null)?.explanations ?? []).filter(
    (e) => e.message,
  );
  const known = problem && (OWN_WORDS as readonly string[]).includes(problem.code) ? problem.code : null;
  const own = problem && SERVER_WORDS.has(problem.code) && problem.detail;
  const wait = (problem as { retry_after_seconds?: unknown } | null)?.retry_after_seconds;
  let body: string;
  if (!problem) body = t('problem.network');
  else if (own) body = problem.detail;
  else if (known === 'rate_limited' && typeof wait === 'number')
    body = t('problem.rateLimitedSeconds', { count: wait });
  else if (known) body = t(`problem.${known}`);
  else body = t('problem.other');
  return (
    <Alert
      color="red"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('problem.title')}
      {...props}
    >
      <Text size="sm">{body}</Text>
      {explanations.length > 0 && (
        <List size="sm" mt={4}>
          {explanations.map((e) => (
            <List.Item key={`${e.code}-${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
      {problem && !own && !known && (
        <Text size="xs" c="gray.7" mt={4}>
          {t('problem.reference', { code: problem.code })}
        </Text>
      )}
    </Alert>
  );
}
