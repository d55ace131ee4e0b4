import { AppError, toErrorResponse } from './errors';

/**
 * Wraps a route handler so that every thrown error becomes the standard JSON error body. The handler stays
 * thin: authenticate, parse, call one library function, respond.
 */
export function withErrorHandling<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** A JSON response that no cache may keep (it holds the organisation's data). */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: { 'Cache-Control': 'no-store', ...init.headers },
  });
}

/** The route's numeric id parameter, or a 404 (an id that cannot exist is simply not found). */
export function parseIdParam(value: string, what: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
    throw AppError.notFound(`No ${what} ${value}.`);
  }
  return Number(value);
}
