import { z } from 'zod';
import { ACTIVITY_FILTERS, FILTER_LEVELS, MAX_PERIOD_DAYS } from '@/lib/shared/schemas/metrics';

/*
 * Queries of the dashboard's helper routes (job plan currency, workload balance). Unknown parameters are
 * refused, as on the other metrics routes, so a typo never silently falls back to a default.
 */

const date = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const id = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a whole number from 1 to 2147483647')
  .transform(Number)
  .refine((value) => value <= 2_147_483_647, 'must be a whole number from 1 to 2147483647');
const within = {
  within_level: z.enum(FILTER_LEVELS, { error: `must be one of ${FILTER_LEVELS.join(', ')}` }).optional(),
  within_id: id.optional(),
};

function withinOf(query: { within_level?: (typeof FILTER_LEVELS)[number]; within_id?: number }) {
  return query.within_level && query.within_id
    ? { within: { level: query.within_level, id: query.within_id } }
    : {};
}

function checkPair(query: { within_level?: unknown; within_id?: unknown }, context: z.RefinementCtx) {
  if ((query.within_level === undefined) !== (query.within_id === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [query.within_level === undefined ? 'within_level' : 'within_id'],
      message: 'within_level and within_id come together (one is missing)',
    });
  }
}

/** GET /api/metrics/job-plan-currency: `as_of`, [`within_level` + `within_id`]. */
export const jobPlanCurrencyQuerySchema = z
  .strictObject({ as_of: date, ...within })
  .superRefine(checkPair)
  .transform((query) => ({ asOf: query.as_of, ...withinOf(query) }));

/** GET /api/metrics/workload-balance: `from`, `to`, [`activity`], [`within_level` + `within_id`]. */
export const workloadBalanceQuerySchema = z
  .strictObject({
    from: date,
    to: date,
    activity: z
      .enum(ACTIVITY_FILTERS, { error: `must be one of ${ACTIVITY_FILTERS.join(', ')}` })
      .default('all'),
    ...within,
  })
  .superRefine((query, context) => {
    checkPair(query, context);
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
    if (days < 1 || days > MAX_PERIOD_DAYS) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be on or after from and at most ${MAX_PERIOD_DAYS} days after it`,
      });
    }
  })
  .transform((query) => ({
    period: { from: query.from, to: query.to },
    activity: query.activity,
    ...withinOf(query),
  }));
