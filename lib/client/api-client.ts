import type { z } from 'zod';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { type HealthResponse, healthResponseSchema } from '@/lib/shared/schemas/health';

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
async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  { signal, acceptStatuses = [] }: RequestOptions & { acceptStatuses?: number[] } = {},
): Promise<T> {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok && !acceptStatuses.includes(response.status)) throw await toApiError(response);
  return schema.parse(await response.json());
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (body.success) return new ApiError(response.status, body.data.error.code, body.data.error.message);
  return new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
}

/** GET /api/health. A 503 still carries a health report (database unreachable, migrations pending). */
export function fetchHealth(options: RequestOptions = {}): Promise<HealthResponse> {
  return getJson('/api/health', healthResponseSchema, { ...options, acceptStatuses: [503] });
}
