import type { z } from 'zod';
import { AppError, toIssues } from '@/lib/server/api/errors';
import { describeQueryError, queryObjectOf } from '@/lib/shared/schemas/metrics';

/**
 * The request's query string parsed with `schema`, or a 400 whose message names each bad parameter, the value it
 * got and what it expected (the issues list them one by one too).
 */
export function parseQueryOrBadRequest<Schema extends z.ZodType>(
  schema: Schema,
  request: Request,
): z.output<Schema> {
  const parsed = schema.safeParse(queryObjectOf(new URL(request.url).searchParams));
  if (!parsed.success) throw AppError.badRequest(describeQueryError(parsed.error), toIssues(parsed.error));
  return parsed.data;
}
