import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-client";

/** Client errors (4xx) are answers, not glitches: retrying them only delays the error screen. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Live data arrives over the socket; focus refetches would only add load.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}
