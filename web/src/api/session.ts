// Who is signed in. The session body carries the CSRF token that every later non-GET request sends.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, rememberCsrfToken } from './transport.ts';
import type { Session } from './types.ts';

type SessionBody = Session & { csrf_token: string };
const sessionKey = ['session'] as const;

async function loadSession(): Promise<Session | null> {
  try {
    const body = await api.get<SessionBody>('/api/v1/session');
    rememberCsrfToken(body.csrf_token);
    return body;
  } catch (err) {
    if (err instanceof ApiError && err.problem.status === 401) return null;
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: Number.POSITIVE_INFINITY });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<SessionBody>('/api/v1/session', { body: credentials }),
    onSuccess: (body) => {
      rememberCsrfToken(body.csrf_token);
      client.setQueryData(sessionKey, body);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/v1/session'),
    onSettled: () => {
      rememberCsrfToken(null);
      // Nothing of the previous user's data may survive into the next session.
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
