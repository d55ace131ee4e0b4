import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from '../metrics/query';
import { grantCondition } from '../metrics/scope-sql';
import { judgedMonthsSql, runLengthsSql } from './judged-months';

/** A line is delivered "consistently differently from the plan" below this share (of sessions, or of output). */
export const PLAN_DRIFT_SHARE = 0.5;

export type PlanDriftRule = 'sessions_under_half' | 'output_under_half';

export interface JobPlanReviewSuggestion {
  consultantId: number;
  gmcNumber: string;
  name: string;
  specialtyId: number;
  jobPlanActivityId: number;
  activityType: string;
  /** ISO day of week (1 = Monday) and period of the line's slot; null for an annualised line. */
  dayOfWeek: number | null;
  period: string | null;
  expectedOutput: number | null;
  rule: PlanDriftRule;
  /** Consecutive complete months the rule has held, ending with `month`. */
  months: number;
  month: string;
  /** The months of the run, oldest first: the evidence for the review. */
  evidence: {
    month: string;
    planned: number;
    onLeave: number;
    delivered: number;
    patientsPerSession: number | null;
  }[];
}

/** A line's sessions in a month, over ledger rows `l`: planned, on leave or sick, delivered, and patients seen. */
const LINE_MONTH_SUMS = `count(*)::int AS planned,
         count(*) FILTER (WHERE l.outcome IN ('leave_adequate_notice', 'leave_short_notice', 'sickness'))::int AS on_leave,
         count(*) FILTER (WHERE l.outcome = 'delivered')::int AS delivered,
         sum(l.patients) FILTER (WHERE l.outcome = 'delivered')::float8 AS patients`;

/**
 * The two rules for a line's month `x` (LINE_MONTH_SUMS, NULL when it planned nothing) with its job plan line `a`:
 * fewer than the share of its sessions held net of leave, or of its expected output per delivered session.
 */
function flagsSql(x: string, a: string, share: string): { isFew: string; isLowOutput: string } {
  return {
    isFew: `COALESCE(${x}.delivered::float8 / NULLIF(${x}.planned - ${x}.on_leave, 0) < ${share}, FALSE)`,
    isLowOutput: `COALESCE(${a}.expected_output > 0 AND ${x}.delivered > 0
                  AND ${x}.patients / ${x}.delivered < ${share} * ${a}.expected_output::float8, FALSE)`,
  };
}

/**
 * Job-plan review suggestions (issue 7, job-plan review support): lines of a consultant's job plan delivered
 * consistently differently from the plan in each of the last N complete months (trust parameter "review months"):
 * fewer than half of the line's sessions held (net of leave and sickness, which are not the plan's fault), or,
 * where the line sets an expected output, fewer than half of it per delivered session. One set-based statement over
 * the ledger, for the consultants the caller sees named (optionally one unit); a month in which the line planned
 * nothing breaks a run.
 */
export async function getJobPlanReviewSuggestions(
  database: Database,
  scope: Scope,
  request: { asOf: string; unit?: { level: 'specialty' | 'division'; id: number } },
): Promise<JobPlanReviewSuggestion[]> {
  const params = new SqlParams();
  const org = params.add(scope.organisationId, 'int');
  const named = grantCondition(scope.named, params);
  const unit = request.unit
    ? ` AND ${request.unit.level === 'specialty' ? 'c.specialty_id' : 'c.division_id'} = ${params.add(request.unit.id, 'int')}`
    : '';
  const asOf = params.add(request.asOf, 'date');
  const share = params.add(PLAN_DRIFT_SHARE, 'float8');
  const flags = flagsSql('x', 'a', share);
  const sql = `
WITH p AS (
  SELECT COALESCE(t.review_months, 3) AS n FROM (SELECT 1) one LEFT JOIN trust_parameters t ON t.organisation_id = ${org}
),
scoped AS (
  SELECT c.id, c.gmc_number, c.name, c.specialty_id FROM consultants c WHERE c.organisation_id = ${org} AND ${named}${unit}
),
${judgedMonthsSql(org, asOf)},
-- A run ends with the latest judged month, so only a line that month flags can have one: find those from that
-- month's sessions alone, then trace just their consultants' sessions back over the months traced.
latest AS (
  SELECT l.consultant_id, l.job_plan_activity_id AS line_id, ${LINE_MONTH_SUMS}
    FROM ledger_sessions l
    JOIN scoped s ON s.id = l.consultant_id
   WHERE l.organisation_id = ${org} AND l.job_plan_activity_id IS NOT NULL
     AND l.session_date BETWEEN (SELECT max(month) FROM months) AND (SELECT max(month_end) FROM months)
   GROUP BY 1, 2
),
candidates AS (
  SELECT x.consultant_id, x.line_id
    FROM latest x
    JOIN job_plan_activities a ON a.organisation_id = ${org} AND a.id = x.line_id
   WHERE ${flags.isFew} OR ${flags.isLowOutput}
),
per_line AS (
  SELECT l.consultant_id, l.job_plan_activity_id AS line_id, mo.month, ${LINE_MONTH_SUMS}
    FROM ledger_sessions l
    JOIN candidates cd ON cd.consultant_id = l.consultant_id AND cd.line_id = l.job_plan_activity_id
    JOIN months mo ON l.session_date BETWEEN mo.month AND mo.month_end
   WHERE l.organisation_id = ${org}
     AND l.consultant_id = ANY(ARRAY(SELECT DISTINCT consultant_id FROM candidates))
     AND l.session_date BETWEEN (SELECT min(month) FROM months) AND (SELECT max(month_end) FROM months)
   GROUP BY 1, 2, 3
),
lines AS (SELECT consultant_id, line_id FROM candidates),
grid AS (
  -- Every candidate line in every judged month, so that a month in which it planned nothing breaks a run.
  SELECT ln.consultant_id, ln.line_id, mo.month, COALESCE(x.planned, 0) AS planned, COALESCE(x.on_leave, 0) AS on_leave,
         COALESCE(x.delivered, 0) AS delivered, x.delivered AS held, x.patients, a.expected_output::float8 AS expected_output,
         ${flags.isFew} AS is_few,
         ${flags.isLowOutput} AS is_low_output
    FROM lines ln
   CROSS JOIN months mo
    JOIN job_plan_activities a ON a.organisation_id = ${org} AND a.id = ln.line_id
    LEFT JOIN per_line x ON x.consultant_id = ln.consultant_id AND x.line_id = ln.line_id AND x.month = mo.month
),
${runLengthsSql('grid', ['consultant_id', 'line_id'], ['is_few', 'is_low_output'])},
flagged AS (
  SELECT r.consultant_id, r.line_id, 'sessions_under_half' AS rule, r.is_few_run AS run, r.last_month
    FROM runs r, p WHERE r.is_few_run >= p.n
  UNION ALL
  SELECT r.consultant_id, r.line_id, 'output_under_half', r.is_low_output_run, r.last_month
    FROM runs r, p WHERE r.is_low_output_run >= p.n
)
SELECT f.consultant_id AS "consultantId", s.gmc_number AS "gmcNumber", s.name, s.specialty_id AS "specialtyId",
       f.line_id AS "jobPlanActivityId", a.activity_type::text AS "activityType", a.day_of_week AS "dayOfWeek",
       a.period::text AS period, a.expected_output::float8 AS "expectedOutput", f.rule, f.run AS months,
       to_char(f.last_month, 'YYYY-MM-DD') AS month,
       (SELECT json_agg(json_build_object('month', to_char(g.month, 'YYYY-MM-DD'), 'planned', g.planned,
                                          'onLeave', g.on_leave, 'delivered', g.delivered,
                                          'patientsPerSession', g.patients / NULLIF(g.held, 0)) ORDER BY g.month)
          FROM grid g
         WHERE g.consultant_id = f.consultant_id AND g.line_id = f.line_id
           AND g.month > (f.last_month - make_interval(months => f.run))::date
       ) AS evidence
  FROM flagged f
  JOIN scoped s ON s.id = f.consultant_id
  JOIN job_plan_activities a ON a.organisation_id = ${org} AND a.id = f.line_id
 ORDER BY s.name, s.gmc_number, a.day_of_week NULLS LAST, a.period NULLS LAST, f.line_id, f.rule`;
  const rows = await queryRows<
    JobPlanReviewSuggestion & { evidence: JobPlanReviewSuggestion['evidence'] | string }
  >(database, sql, params.values);
  return rows.map((row) => ({
    ...row,
    evidence: typeof row.evidence === 'string' ? JSON.parse(row.evidence) : (row.evidence ?? []),
  }));
}
