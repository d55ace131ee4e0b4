import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getMetricContext } from './context';
import { queryRows, SqlParams } from './query';
import { namedConsultantCondition, type UnitFilter } from './scope-sql';

export type JobPlanStatusAt = 'current' | 'review_overdue' | 'draft_only' | 'expired' | 'missing';

export interface ConsultantJobPlanCurrency {
  consultantId: number;
  /** The consultant's name: only those the caller may see named are read. */
  name: string;
  status: JobPlanStatusAt;
  /** The plan in force on the date (agreed first, else draft), if any. */
  jobPlanId: string | null;
  version: number | null;
  agreedOn: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** With no plan in force: the day the last one ended (null if none has ended before the date). */
  endedOn: string | null;
}

export interface JobPlanCurrency {
  asOf: string;
  reviewMonths: number;
  consultants: ConsultantJobPlanCurrency[];
  counts: Record<JobPlanStatusAt, number>;
  /** Current ÷ active consultants (null when there are none). */
  share: number | null;
}

/**
 * Job plan currency on a date for the active consultants the caller may see named: current (an agreed plan in force, agreed within
 * the review interval), review overdue (agreed, but longer ago), draft only, expired (plans, none in force), or
 * missing (no plan at all).
 */
export async function getJobPlanCurrency(
  database: Database,
  scope: Scope,
  request: { asOf: string; within?: UnitFilter },
): Promise<JobPlanCurrency> {
  const { parameters } = await getMetricContext(database, scope.organisationId);
  const params = new SqlParams();
  const inScope = namedConsultantCondition(scope, params, request.within);
  const asOf = params.add(request.asOf, 'date');
  const months = params.add(parameters.jobPlanReviewMonths, 'int');
  const consultants = await queryRows<ConsultantJobPlanCurrency>(
    database,
    `SELECT c.id AS "consultantId", c.name,
            CASE WHEN f.id IS NULL THEN CASE WHEN EXISTS (
                   SELECT 1 FROM job_plans x WHERE x.organisation_id = c.organisation_id AND x.consultant_id = c.id)
                 THEN 'expired' ELSE 'missing' END
                 WHEN f.status = 'draft' THEN 'draft_only'
                 WHEN f.agreed_on >= ${asOf} - make_interval(months => ${months}) THEN 'current'
                 ELSE 'review_overdue' END AS status,
            f.source_job_plan_id AS "jobPlanId", f.version,
            to_char(f.agreed_on, 'YYYY-MM-DD') AS "agreedOn",
            to_char(f.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
            to_char(f.effective_to, 'YYYY-MM-DD') AS "effectiveTo",
            CASE WHEN f.id IS NULL THEN (
              SELECT to_char(max(x.effective_to), 'YYYY-MM-DD') FROM job_plans x
               WHERE x.organisation_id = c.organisation_id AND x.consultant_id = c.id AND x.effective_to < ${asOf})
            END AS "endedOn"
       FROM consultants c
       LEFT JOIN LATERAL (
         SELECT jp.id, jp.source_job_plan_id, jp.version, jp.status, jp.agreed_on, jp.effective_from, jp.effective_to
           FROM job_plans jp
          WHERE jp.organisation_id = c.organisation_id AND jp.consultant_id = c.id
            AND jp.effective_from <= ${asOf} AND (jp.effective_to IS NULL OR jp.effective_to >= ${asOf})
          ORDER BY jp.status = 'agreed' DESC, jp.effective_from DESC, jp.version DESC
          LIMIT 1
       ) f ON TRUE
      WHERE ${inScope} AND c.is_active
      ORDER BY c.id`,
    params.values,
  );
  const counts: Record<JobPlanStatusAt, number> = {
    current: 0,
    review_overdue: 0,
    draft_only: 0,
    expired: 0,
    missing: 0,
  };
  for (const consultant of consultants) counts[consultant.status] += 1;
  return {
    asOf: request.asOf,
    reviewMonths: parameters.jobPlanReviewMonths,
    consultants,
    counts,
    share: consultants.length > 0 ? counts.current / consultants.length : null,
  };
}
