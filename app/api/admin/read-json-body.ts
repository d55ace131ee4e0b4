import type { z } from 'zod';
import { AppError, toIssues } from '@/lib/server/api/errors';

/** Admin requests are small forms; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The request's JSON body parsed with `schema`: 413 when it is too large, 400 when it is not JSON (saying what
 * to send) or does not fit the schema (naming each problem, in the message and as issues).
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { expected, invalid }: { expected: string; invalid: string },
): Promise<z.output<Schema>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw AppError.badRequest(`The body must be JSON: ${expected}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    const problems = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
    throw AppError.badRequest(`${invalid}: ${problems.join('; ')}.`, issues);
  }
  return parsed.data;
}

function tooLarge(): AppError {
  return new AppError(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
}
