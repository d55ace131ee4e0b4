import { z } from 'zod';
import type { ActivityOption } from '@/lib/shared/periods';

/*
 * What the dashboards ask the metrics API for, as plain objects: the same object keys the react-query cache,
 * builds the query string, and tells a client widget whether the server's first paint answered it already.
 */

export type ReportLevel = 'consultant' | 'specialty' | 'division' | 'trust';
export type WithinLevel = 'consultant' | 'specialty' | 'division';

/** GET /api/metrics/report. */
export interface ReportRequest {
  level: ReportLevel;
  from: string;
  to: string;
  activity: ActivityOption;
  within?: { level: WithinLevel; id: number };
}

/** GET /api/metrics/series. */
export interface SeriesRequest {
  level: ReportLevel;
  bucket: 'week' | 'month';
  from: string;
  to: string;
  activity: ActivityOption;
  unit?: { level: WithinLevel; id: number };
}

/** GET /api/metrics/job-plan-currency. */
export interface JobPlanCurrencyRequest {
  asOf: string;
  within?: { level: WithinLevel; id: number };
}

/** GET /api/metrics/workload-balance. */
export interface WorkloadBalanceRequest {
  from: string;
  to: string;
  activity: ActivityOption;
  within?: { level: WithinLevel; id: number };
}

export function reportSearchParams(request: ReportRequest): URLSearchParams {
  const params = new URLSearchParams({
    level: request.level,
    from: request.from,
    to: request.to,
    activity: request.activity,
  });
  if (request.within) {
    params.set('within_level', request.within.level);
    params.set('within_id', String(request.within.id));
  }
  return params;
}

export function seriesSearchParams(request: SeriesRequest): URLSearchParams {
  const params = new URLSearchParams({
    level: request.level,
    bucket: request.bucket,
    from: request.from,
    to: request.to,
    activity: request.activity,
  });
  if (request.unit) {
    params.set('unit_level', request.unit.level);
    params.set('unit_id', String(request.unit.id));
  }
  return params;
}

export function jobPlanCurrencySearchParams(request: JobPlanCurrencyRequest): URLSearchParams {
  const params = new URLSearchParams({ as_of: request.asOf });
  if (request.within) {
    params.set('within_level', request.within.level);
    params.set('within_id', String(request.within.id));
  }
  return params;
}

export function workloadBalanceSearchParams(request: WorkloadBalanceRequest): URLSearchParams {
  const params = new URLSearchParams({ from: request.from, to: request.to, activity: request.activity });
  if (request.within) {
    params.set('within_level', request.within.level);
    params.set('within_id', String(request.within.id));
  }
  return params;
}

type JobPlanStatusAt = 'current' | 'review_overdue' | 'draft_only' | 'expired' | 'missing';

/** The order consultants without a current plan are listed in: those with no plan in force first. */
const NOT_CURRENT_ORDER: readonly JobPlanStatusAt[] = ['missing', 'expired', 'draft_only', 'review_overdue'];

/**
 * Job plan currency as the API answers it: counts and share, and the consultants whose plan is not current (by
 * status, then name), so that someone can act on them; those with a current plan are only counted.
 */
export function summariseJobPlanCurrency(currency: {
  asOf: string;
  reviewMonths: number;
  consultants: readonly {
    consultantId: number;
    name: string;
    status: JobPlanStatusAt;
    endedOn: string | null;
  }[];
  counts: Record<JobPlanStatusAt, number>;
  share: number | null;
}) {
  const rank = (status: JobPlanStatusAt) => NOT_CURRENT_ORDER.indexOf(status);
  return {
    asOf: currency.asOf,
    reviewMonths: currency.reviewMonths,
    consultantCount: currency.consultants.length,
    counts: currency.counts,
    share: currency.share,
    notCurrent: currency.consultants
      .flatMap(({ consultantId, name, status, endedOn }) =>
        status === 'current' ? [] : [{ consultantId, name, status, endedOn }],
      )
      .sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name, 'en-GB')),
  };
}

/** Whether two requests ask for the same thing (the server's first paint answers only its own request). */
export function isSameRequest(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const isoDate = z.iso.date();
const periodSchema = z.object({ from: isoDate, to: isoDate });
const jobPlanStatus = z.enum(['current', 'review_overdue', 'draft_only', 'expired', 'missing']);

/**
 * Response of GET /api/metrics/job-plan-currency: counts per status, the share current, and the consultants the
 * caller sees named whose plan is not current.
 */
export const jobPlanCurrencyResponseSchema = z.object({
  asOf: isoDate,
  reviewMonths: z.number().int(),
  consultantCount: z.number().int(),
  counts: z.record(jobPlanStatus, z.number().int()),
  share: z.number().nullable(),
  notCurrent: z.array(
    z.object({
      consultantId: z.number().int(),
      name: z.string(),
      status: jobPlanStatus.exclude(['current']),
      /** With no plan in force, the day the last one ended. */
      endedOn: isoDate.nullable(),
    }),
  ),
});

/** Response of GET /api/metrics/workload-balance. */
export const workloadBalanceResponseSchema = z.object({
  window: periodSchema.nullable(),
  consultants: z.array(
    z.object({
      consultantId: z.number().int().nullable(),
      key: z.string(),
      months: z.array(z.object({ from: isoDate, to: isoDate, totalDelivery: z.number().nullable() })),
      flag: z.enum(['over', 'under']).nullable(),
    }),
  ),
});

export type JobPlanCurrencyResponse = z.infer<typeof jobPlanCurrencyResponseSchema>;
export type WorkloadBalanceResponse = z.infer<typeof workloadBalanceResponseSchema>;
