import { isServer, QueryClient } from '@tanstack/react-query';

/** A query client with Fulfil's defaults. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server components render the first paint; avoid refetching it the moment the page hydrates.
        staleTime: 60_000,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * A fresh client per server render (requests must never share a cache), one client for the browser's lifetime
 * (so that a suspending render does not throw its cache away).
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
