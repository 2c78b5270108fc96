// The store's connections to outside systems: which providers are connected (secrets are set, never
// shown), the webhook address to paste into each provider, the deliveries received with what
// applying each did (a failed one can be replayed), and the endpoints our own events go out to.
import { can } from '@domain/roles.ts';
import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Integration,
  PROVIDERS,
  type Provider,
  useIntegrations,
  useSaveIntegration,
  useTestConnection,
} from '../../api/integrations.ts';
import { useSession } from '../../api/session.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { WebhookEndpoints } from './WebhookEndpoints.tsx';

function ProviderCard({
  provider,
  saved,
  canWrite,
  slug,
}: {
  provider: Provider;
  saved?: Integration | undefined;
  canWrite: boolean;
  slug: string;
}) {
  const { t } = useTranslation();
  const save = useSaveIntegration();
  const test = useTestConnection();
  const [form, setForm] = useState({
    webhook_secret: '',
    api_key: '',
    base_url: saved?.base_url ?? '',
    shop_domain: saved?.shop_domain ?? '',
  });
  const webhookUrl = `${window.location.origin}/webhooks/${provider}/${slug}`;
  const connected = (saved?.secrets_set.length ?? 0) > 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid={`integration-${provider}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t(`integrations.providers.${provider}`)}
          </Title>
          <Badge color={connected ? 'teal' : 'gray'} variant="light">
            {connected ? t('integrations.connected') : t('integrations.notConnected')}
          </Badge>
        </Group>
        {saved && saved.secrets_set.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('integrations.secretsSet', { names: saved.secrets_set.join(', ') })}
          </Text>
        )}
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 0 }}>{webhookUrl}</Code>
          <CopyButton value={webhookUrl}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                {copied ? t('integrations.copied') : t('integrations.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {canWrite && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const body: Record<string, string | null> = {};
              if (form.webhook_secret) body.webhook_secret = form.webhook_secret;
              if (form.api_key) body.api_key = form.api_key;
              body.base_url = form.base_url || null;
              if (provider === 'shopify') body.shop_domain = form.shop_domain || null;
              save.mutate(
                { provider, body },
                { onSuccess: () => setForm({ ...form, webhook_secret: '', api_key: '' }) },
              );
            }}
          >
            <Stack gap="xs">
              <PasswordInput
                label={provider === 'paypal' ? t('integrations.webhookId') : t('integrations.webhookSecret')}
                placeholder={saved?.secrets_set.includes('webhook_secret') ? t('integrations.keep') : ''}
                value={form.webhook_secret}
                onChange={(e) => setForm({ ...form, webhook_secret: e.currentTarget.value })}
                autoComplete="off"
              />
              <PasswordInput
                label={t('integrations.apiKey')}
                description={t(`integrations.apiKeyHint.${provider}`)}
                placeholder={saved?.secrets_set.includes('api_key') ? t('integrations.keep') : ''}
                value={form.api_key}
                onChange={(e) => setForm({ ...form, api_key: e.currentTarget.value })}
                autoComplete="off"
              />
              {provider === 'shopify' && (
                <TextInput
                  label={t('integrations.shopDomain')}
                  placeholder="my-store.myshopify.com"
                  value={form.shop_domain}
                  onChange={(e) => setForm({ ...form, shop_domain: e.currentTarget.value })}
                />
              )}
              <TextInput
                label={t('integrations.baseUrl')}
                description={t('integrations.baseUrlHint')}
                value={form.base_url}
                onChange={(e) => setForm({ ...form, base_url: e.currentTarget.value })}
              />
              <Group>
                <Button type="submit" size="xs" loading={save.isPending}>
                  {t('integrations.save')}
                </Button>
                {connected && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={test.isPending}
                    onClick={() => test.mutate(provider)}
                  >
                    {t('integrations.test')}
                  </Button>
                )}
              </Group>
              {save.isError && <ProblemAlert error={save.error} />}
              {test.data && (
                <Text size="sm" c={test.data.ok ? 'teal' : 'red'} role="status">
                  {test.data.detail}
                </Text>
              )}
              {test.isError && <ProblemAlert error={test.error} />}
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

export function IntegrationsPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const integrations = useIntegrations();
  usePageTitle(t('integrations.title'));
  const canWrite = session ? can(session.user.role, 'integrations.write') : false;
  const canRead = session ? can(session.user.role, 'integrations.read') : false;
  if (session && !canRead)
    return (
      <Alert color="gray" maw={700} mx="auto">
        {t('integrations.notForRole')}
      </Alert>
    );
  const byProvider = new Map(integrations.data?.data.map((i) => [i.provider, i]));
  return (
    <Stack maw={1100} mx="auto" gap="md">
      <div>
        <Title order={1} size="h2">
          {t('integrations.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('integrations.subtitle')}
        </Text>
      </div>
      {integrations.isPending ? (
        <Skeleton h={200} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {PROVIDERS.map((p) => (
            <ProviderCard
              key={p}
              provider={p}
              saved={byProvider.get(p)}
              canWrite={canWrite}
              slug={session?.store.slug ?? ''}
            />
          ))}
        </SimpleGrid>
      )}
      {canRead && <DeliveryLog canWrite={canWrite} />}
      {canRead && <WebhookEndpoints canWrite={canWrite} />}
    </Stack>
  );
}
