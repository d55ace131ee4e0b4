import type { z } from 'zod';
import type { ApiErrorResponse } from '@/lib/shared/schemas/api-error';

type Issues = NonNullable<ApiErrorResponse['error']['issues']>;

/**
 * An error the caller can do something about, with the HTTP status and stable code it maps to. Libraries throw
 * it; the route wrapper turns it into `{ error: { code, message, issues? } }`. Anything else is a 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issues,
    readonly headers?: Record<string, string>,
    /** What the caller needs to act on the error (e.g. the record it conflicts with), sent as `error.details`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, issues?: Issues): AppError {
    return new AppError(400, 'bad_request', message, issues);
  }

  static unauthorized(message: string): AppError {
    // RFC 6750: tell the client which scheme to use and that the token it sent is not acceptable.
    return new AppError(401, 'unauthorized', message, undefined, {
      'WWW-Authenticate': 'Bearer realm="fulfil", error="invalid_token"',
    });
  }

  static notFound(message: string): AppError {
    return new AppError(404, 'not_found', message);
  }

  /** A 409; `code` names the conflict more precisely, `details` says what it is with (e.g. the existing record). */
  static conflict(
    message: string,
    { code = 'conflict', details }: { code?: string; details?: Record<string, unknown> } = {},
  ): AppError {
    return new AppError(409, code, message, undefined, undefined, details);
  }
}

/** zod issues as `{ path, message }`, the path dotted (`mapping.Consultant GMC`). */
export function toIssues(error: z.ZodError): Issues {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses `value` with `schema`, or throws a 400 that lists what is wrong. */
export function parseOrBadRequest<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  message: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.badRequest(message, toIssues(parsed.error));
  return parsed.data;
}

/**
 * What to tell the caller about `error`: an AppError as it is; anything else as a generic 500, logged here with its
 * details, which are not the caller's to see.
 */
export function describeError(error: unknown): {
  status: number;
  body: ApiErrorResponse;
  headers?: Record<string, string>;
} {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.issues ? { issues: error.issues } : {}),
          ...(error.details ? { details: error.details } : {}),
        },
      },
      headers: error.headers,
    };
  }
  console.error('Unhandled error in an API route', error);
  return {
    status: 500,
    body: {
      error: {
        code: 'internal_error',
        message: 'Something went wrong on the server; the error has been logged.',
      },
    },
  };
}

/** The JSON error response for `error`. */
export function toErrorResponse(error: unknown): Response {
  const { status, body, headers } = describeError(error);
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
