import type { z } from 'zod';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';

/*
 * The typed fetch helpers every API module shares. Kept apart from the API modules, so that a page loads only the
 * response schemas of the APIs it calls (each module's zod schemas are built when it loads).
 */

/** A failed API call: the HTTP status and the `{ error: { code, message } }` body the routes return. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  /** Aborts the request when react-query cancels the query (unmount, newer key). */
  signal?: AbortSignal;
}

/**
 * GETs a JSON resource and validates it against its schema, so that a drifting API fails loudly here rather
 * than as `undefined` deep in a component. Statuses listed in `acceptStatuses` are parsed like a success.
 */
export async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  { signal, acceptStatuses = [] }: RequestOptions & { acceptStatuses?: number[] } = {},
): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok && !acceptStatuses.includes(response.status)) throw await toApiError(response);
  return schema.parse(await response.json());
}

/** POSTs a JSON body and validates the JSON answer against its schema. */
export async function postJson<T>(
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  { signal }: RequestOptions = {},
) {
  const response = await fetch(path, {
    method: 'POST',
    signal,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/** The `{ error }` body of a failed call as an ApiError (exported for callers that do not use fetch). */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (body.success) return new ApiError(response.status, body.data.error.code, body.data.error.message);
  return new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
}
