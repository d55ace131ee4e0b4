import { z } from 'zod';

/**
 * The body of every failed API call: `{ error: { code, message, issues?, details? } }`; `details` carries what the
 * caller needs to act on the error, e.g. the open meeting a new one would duplicate.
 */
export const apiErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type ApiErrorResponse = z.infer<typeof apiErrorResponseSchema>;
