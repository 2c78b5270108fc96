// The one TanStack Query setup the console and the portal share.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/transport.ts';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A refusal (401, 403, 404) will not change on retry; a dropped connection might.
        retry: (failures, err) => !(err instanceof ApiError && err.problem.status < 500) && failures < 2,
      },
    },
  });
}
