import type { z } from 'zod';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';

/*
 * The typed fetch helpers every API module shares. Kept apart from the API modules, so that a page loads only the
 * response schemas of the APIs it calls (each module's zod schemas are built when it loads).
 */

/**
 * A failed API call: the HTTP status and the `{ error: { code, message, details? } }` body the routes return;
 * `details` carries what the caller needs to act on it (e.g. the open meeting a new one would duplicate).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** A failed call that also says which fields were wrong (`issues`), so a form can mark each one. */
export class ApiValidationError extends ApiError {
  readonly issues: readonly { path: string; message: string }[];

  constructor(
    status: number,
    code: string,
    message: string,
    issues: readonly { path: string; message: string }[],
  ) {
    super(status, code, message);
    this.name = 'ApiValidationError';
    this.issues = issues;
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

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a JSON body (or none) with `method` to one of the app's own routes (same origin, so the session cookie goes
 * and the request is CSRF-safe) and reads the JSON answer, validated by `schema` when one is given. A refusal is
 * thrown as toApiError makes it, so a form can show its field issues and a caller can act on its details.
 */
export async function sendJson<T>(
  method: SendMethod,
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  options?: RequestOptions,
): Promise<T>;
/** Without a schema the answer is not checked: for an answer the caller ignores, or one its own route writes. */
export async function sendJson<T = unknown>(method: SendMethod, path: string, body?: unknown): Promise<T>;
export async function sendJson<T>(
  method: SendMethod,
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
  { signal }: RequestOptions = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    signal,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  const answer: unknown = await response.json();
  return schema ? schema.parse(answer) : (answer as T);
}

/**
 * The `{ error }` body of a failed call as an ApiError (with its details); when the API named the fields at fault
 * (`issues`), an ApiValidationError that keeps them, so a form can say what is wrong in its own words.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  const parsed = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    return new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
  }
  const { code, message, issues, details } = parsed.data.error;
  if (issues && issues.length > 0) return new ApiValidationError(response.status, code, message, issues);
  return new ApiError(response.status, code, message, details);
}
