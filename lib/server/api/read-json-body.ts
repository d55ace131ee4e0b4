import type { z } from 'zod';
import { AppError, toIssues } from '@/lib/server/api/errors';
import type { FieldWords } from '@/lib/shared/schemas/field-words';

/** Requests that read a JSON body are small forms; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024;

/** The words for each field of a request, by its path (`weekStart`, `period.from`). */
export type RequestFieldWords = Readonly<Record<string, FieldWords>>;

interface ReadJsonBodyOptions {
  /** The body's shape, for those who send something that is not JSON at all. */
  expected: string;
  /** What a refusal starts with, e.g. "The annotation is not valid". */
  invalid: string;
  /**
   * The fields in words: each problem then names its field as the form does and says what was expected
   * ("Week starting: enter a date as dd/mm/yyyy"), never the schema's path. Without them, the zod messages are kept.
   */
  fields?: RequestFieldWords;
}

/**
 * The request's JSON body parsed with `schema`: 413 when it is too large, 400 when it is not JSON (saying what
 * to send) or does not fit the schema (naming each problem, in the message and as issues, whose `path` says which
 * field it is about).
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { expected, invalid, fields }: ReadJsonBodyOptions,
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
  if (parsed.success) return parsed.data;
  if (fields) {
    const issues = issuesInWords(parsed.error, fields);
    throw AppError.badRequest(
      `${invalid}. ${issues.map((issue) => sentence(issue.message)).join(' ')}`,
      issues,
    );
  }
  const issues = toIssues(parsed.error);
  const problems = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  throw AppError.badRequest(`${invalid}: ${problems.join('; ')}.`, issues);
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const quoted = (keys: readonly PropertyKey[]) => keys.map((key) => `“${String(key)}”`).join(', ');

/**
 * Each problem of the body in words, one for each field at fault: "Label: what is expected". A rule of the schema
 * written in words (a refinement) is kept as written; a text that is too long says how long it may be; anything
 * else about a field (missing, wrong type, not a real date, not one of the choices) says what the field expects.
 */
export function issuesInWords(
  error: z.ZodError,
  fields: RequestFieldWords,
): { path: string; message: string }[] {
  const seen = new Set<string>();
  const issues: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const message = `${quoted(issue.keys)} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of this form`;
      issues.push({ path, message });
      continue;
    }
    // One problem a field (its words say all it expects); rules about the whole body are each kept.
    const key = path || `:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const words = fields[path] ?? fields[String(issue.path[0] ?? '')];
    if (!words) {
      issues.push({ path, message: path ? `${path}: ${issue.message}` : issue.message });
      continue;
    }
    issues.push({ path, message: `${words.label}: ${expectationOf(issue, words)}` });
  }
  return issues;
}

function expectationOf(issue: z.core.$ZodIssue, words: FieldWords): string {
  if (issue.code === 'custom') return lowerFirst(issue.message);
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `write ${Number(issue.maximum).toLocaleString('en-GB')} characters or fewer`;
  }
  return words.expected;
}

function tooLarge(): AppError {
  return new AppError(413, 'payload_too_large', `The body must be at most ${MAX_BODY_BYTES / 1024} KB.`);
}
