import { z } from 'zod';

/** Response of GET /api/health. */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded', 'error']),
  version: z.string(),
  database: z.object({
    kind: z.enum(['postgresql', 'pglite']).nullable(),
    reachable: z.boolean(),
    error: z.string().optional(),
  }),
  migrations: z.object({
    applied: z.number().int(),
    total: z.number().int(),
    pending: z.array(z.string()),
    latest: z.string().nullable(),
  }),
  checkedAt: z.string(),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
