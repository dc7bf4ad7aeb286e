import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/apiError';

const MAX_RETRIES = 2;

/** Retry only what may succeed unchanged: throttling, server and network failures, never a 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isApiError(error) && error.isTransient;
}

/** Honour Retry-After when the server sends one; otherwise back off exponentially. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== undefined) return error.retryAfterSeconds * 1000;
  return Math.min(1000 * 2 ** failureCount, 8000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A catalogue changes slowly: revisiting a view within minutes costs no request.
        staleTime: 5 * 60_000,
        gcTime: 15 * 60_000,
        // Refetching an infinite list refetches every loaded page; the user refreshes on purpose instead.
        refetchOnWindowFocus: false,
        retry: shouldRetry,
        retryDelay,
      },
    },
  });
}
