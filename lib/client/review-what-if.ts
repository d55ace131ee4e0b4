import { z } from 'zod';
import type { WhatIfRequest } from '@/lib/shared/schemas/reviews';
import { type RequestOptions, sendJson } from './http';

/*
 * The review what-if (POST /api/reviews/what-if, reviews:run): nothing is changed, the answer is the effect.
 * The response schema mirrors WhatIfResult (lib/shared/review-what-if.ts) with the period's weeks.
 */

const whatIfFiguresSchema = z.object({
  expectedNet: z.number(),
  delivered: z.number(),
  fulfilment: z.number().nullable(),
  totalDelivery: z.number().nullable(),
  patientsPerWeek: z.number().nullable(),
  flag: z.enum(['over', 'under']).nullable(),
});

export const whatIfResponseSchema = z.object({
  consultants: z.array(
    z.object({ id: z.number(), name: z.string(), before: whatIfFiguresSchema, after: whatIfFiguresSchema }),
  ),
  unit: z.object({ before: whatIfFiguresSchema, after: whatIfFiguresSchema }),
  problems: z.array(z.string()),
  assumptions: z.array(z.string()),
  weeks: z.number(),
});
export type WhatIfResponse = z.infer<typeof whatIfResponseSchema>;
export type WhatIfFiguresView = z.infer<typeof whatIfFiguresSchema>;

/** POST /api/reviews/what-if: the effect of the changes on a specialty's figures over the period. */
export function postReviewWhatIf(
  request: WhatIfRequest,
  options: RequestOptions = {},
): Promise<WhatIfResponse> {
  return sendJson('POST', '/api/reviews/what-if', request, whatIfResponseSchema, options);
}
