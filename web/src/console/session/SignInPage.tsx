import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession, useSignIn } from '../../api/session.ts';
import { ApiError } from '../../api/transport.ts';
import { BrandMark } from '../ui/BrandMark.tsx';
import { LanguagePicker } from '../ui/LanguagePicker.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const signIn = useSignIn();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  usePageTitle(t('signIn.title'));
  const from = (location.state as { from?: string } | null)?.from ?? '/console';

  if (session.data) return <Navigate to={from} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };
  // A wrong email and a wrong password read the same, so the page tells an attacker nothing.
  const failed = signIn.error instanceof ApiError && signIn.error.problem.status === 401;

  return (
    <Center mih="100vh" p="md" bg="gray.0" component="main">
      <Paper p="xl" w="100%" maw={420} shadow="sm">
        <form onSubmit={submit} aria-labelledby="sign-in-title">
          <Stack>
            <Group justify="space-between">
              <BrandMark />
              <LanguagePicker />
            </Group>
            <div>
              <Title order={1} size="h3" id="sign-in-title">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('signIn.subtitle')}
              </Text>
            </div>
            {signIn.isError && (
              <Alert color="red" role="alert">
                {failed ? t('signIn.failed') : signIn.error.message}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
