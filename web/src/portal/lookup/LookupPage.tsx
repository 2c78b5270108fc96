// Find the order: its number plus the email address or the postal code it was sent to. The server
// answers the same whichever part was wrong, and so does this page.
import { Alert, Button, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { lookupOrder } from '../api/client.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';

type Proof = 'email' | 'postal_code';

export function LookupPage() {
  const { t, i18n } = useTranslation('portal');
  const { store, begin, ended } = usePortalScope();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [orderNumber, setOrderNumber] = useState('');
  const [proof, setProof] = useState<Proof>('email');
  const [secret, setSecret] = useState('');
  const [touched, setTouched] = useState(false);
  const lookup = useMutation({
    mutationFn: () =>
      lookupOrder(store, {
        // "#1002" is how many shops print the number: the # is not part of it
        order_number: orderNumber.trim().replace(/^#/, ''),
        [proof]: secret.trim(),
        language: i18n.language,
      }),
    onSuccess: (answer) => {
      begin({
        token: answer.token,
        expiresAt: answer.expires_at,
        storeName: answer.store.name,
        statusToken: answer.status_token,
        statusExpiresAt: answer.status_expires_at,
      });
      navigate(from?.startsWith(portalPath(store)) ? from : portalPath(store, 'order'), { replace: true });
    },
  });

  const orderMissing = touched && !orderNumber.trim();
  const secretMissing = touched && !secret.trim();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (orderNumber.trim() && secret.trim()) lookup.mutate();
  };

  return (
    <Stack gap="lg">
      <PageHeading title={t('lookup.title')} lead={t('lookup.lead')} />
      {ended === 'expired' && (
        <Alert color="yellow" icon={<IconClockExclamation aria-hidden />} title={t('lookup.expiredTitle')}>
          {t('lookup.expired')}
        </Alert>
      )}
      <Paper
        p={{ base: 'md', sm: 'lg' }}
        component="form"
        onSubmit={submit}
        noValidate
        aria-labelledby="lookup-form"
      >
        <Stack gap="md">
          <Text id="lookup-form" fw={600}>
            {t('lookup.formTitle')}
          </Text>
          <TextInput
            label={t('lookup.orderNumber')}
            description={t('lookup.orderNumberHint')}
            value={orderNumber}
            onChange={(e) => setOrderNumber(e.currentTarget.value)}
            error={orderMissing ? t('lookup.orderNumberMissing') : undefined}
            autoComplete="off"
            required
            size="md"
          />
          <div>
            <Text size="sm" fw={500} id="proof-label" mb={4}>
              {t('lookup.proofLabel')}
            </Text>
            <SegmentedControl
              aria-labelledby="proof-label"
              fullWidth
              value={proof}
              onChange={(v) => {
                setProof(v as Proof);
                setSecret('');
              }}
              data={[
                { value: 'email', label: t('lookup.byEmail') },
                { value: 'postal_code', label: t('lookup.byPostalCode') },
              ]}
            />
          </div>
          {proof === 'email' ? (
            <TextInput
              key="email"
              label={t('lookup.email')}
              type="email"
              inputMode="email"
              autoComplete="email"
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={secretMissing ? t('lookup.emailMissing') : undefined}
              required
              size="md"
            />
          ) : (
            <TextInput
              key="postal"
              label={t('lookup.postalCode')}
              description={t('lookup.postalCodeHint')}
              autoComplete="postal-code"
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={secretMissing ? t('lookup.postalCodeMissing') : undefined}
              required
              size="md"
            />
          )}
          {lookup.error && <ProblemMessage error={lookup.error} />}
          <Button type="submit" size="md" loading={lookup.isPending} fullWidth>
            {t('lookup.submit')}
          </Button>
        </Stack>
      </Paper>
      <Text size="sm" c="gray.7">
        {t('lookup.privacy')}
      </Text>
    </Stack>
  );
}
