import { toApiError } from '@/lib/client/api-client';

/** Sends JSON to one of the review routes from the app's own page (same origin, so CSRF-safe) and reads the reply. */
export async function sendJson<Result>(
  url: string,
  method: 'POST' | 'PATCH',
  body: unknown,
): Promise<Result> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as Result;
}
