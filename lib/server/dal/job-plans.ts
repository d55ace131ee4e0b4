import 'server-only';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from '../metrics/query';
import { namedConsultantCondition } from '../metrics/scope-sql';

export type JobPlanActivityType =
  | 'outpatient_clinic'
  | 'theatre_list'
  | 'endoscopy_list'
  | 'ward_round'
  | 'mdt'
  | 'spa'
  | 'on_call'
  | 'admin'
  | 'other';

/** One line of a job plan version, as the job planning tool recorded it. */
export interface JobPlanLine {
  lineNumber: number;
  activityType: JobPlanActivityType;
  specialtyCode: string | null;
  /** ISO day of week (1 = Monday); null for an annualised line. */
  dayOfWeek: number | null;
  period: 'AM' | 'PM' | 'EVE' | null;
  startTime: string | null;
  endTime: string | null;
  cycleWeeks: number;
  cycleOffset: number;
  annualSessions: number | null;
  paValue: number;
  expectedOutput: number | null;
  expectedWeeks: number;
  linkedCodes: string[];
}

/** One version of a consultant's job plan with its lines. */
export interface JobPlanVersion {
  jobPlanId: string;
  version: number;
  status: 'draft' | 'agreed';
  agreedOn: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  totalPas: number;
  lines: JobPlanLine[];
}

/**
 * Every job plan version of one consultant, newest first, with their lines. Empty unless the caller may see the
 * consultant named (a job plan is per-person detail, like the ledger).
 */
export async function listJobPlans(
  database: Database,
  scope: Scope,
  consultantId: number,
): Promise<JobPlanVersion[]> {
  const params = new SqlParams();
  const inScope = namedConsultantCondition(scope, params, { level: 'consultant', id: consultantId });
  const rows = await queryRows<Omit<JobPlanVersion, 'lines' | 'totalPas'> & { planId: number } & JobPlanLine>(
    database,
    `SELECT jp.id AS "planId", jp.source_job_plan_id AS "jobPlanId", jp.version, jp.status::text AS status,
            to_char(jp.agreed_on, 'YYYY-MM-DD') AS "agreedOn", to_char(jp.effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
            to_char(jp.effective_to, 'YYYY-MM-DD') AS "effectiveTo",
            a.line_number AS "lineNumber", a.activity_type::text AS "activityType", a.specialty_code AS "specialtyCode",
            a.day_of_week::int AS "dayOfWeek", a.period::text AS period,
            to_char(a.start_time, 'HH24:MI') AS "startTime", to_char(a.end_time, 'HH24:MI') AS "endTime",
            a.cycle_weeks::int AS "cycleWeeks", a.cycle_offset::int AS "cycleOffset",
            a.annual_sessions::float8 AS "annualSessions", a.pa_value::float8 AS "paValue",
            a.expected_output::float8 AS "expectedOutput", a.expected_weeks::float8 AS "expectedWeeks",
            a.linked_codes AS "linkedCodes"
       FROM consultants c
       JOIN job_plans jp ON jp.organisation_id = c.organisation_id AND jp.consultant_id = c.id
       LEFT JOIN job_plan_activities a ON a.organisation_id = jp.organisation_id AND a.job_plan_id = jp.id
      WHERE ${inScope}
      ORDER BY jp.effective_from DESC, jp.version DESC, jp.id DESC, a.line_number`,
    params.values,
  );
  const versions = new Map<number, JobPlanVersion>();
  for (const row of rows) {
    let version = versions.get(row.planId);
    if (!version) {
      version = {
        jobPlanId: row.jobPlanId,
        version: row.version,
        status: row.status,
        agreedOn: row.agreedOn,
        effectiveFrom: row.effectiveFrom,
        effectiveTo: row.effectiveTo,
        totalPas: 0,
        lines: [],
      };
      versions.set(row.planId, version);
    }
    // A version without lines still lists (the LEFT JOIN gives one row of nulls).
    if (row.lineNumber === null) continue;
    version.totalPas += row.paValue;
    version.lines.push({
      lineNumber: row.lineNumber,
      activityType: row.activityType,
      specialtyCode: row.specialtyCode,
      dayOfWeek: row.dayOfWeek,
      period: row.period,
      startTime: row.startTime,
      endTime: row.endTime,
      cycleWeeks: row.cycleWeeks,
      cycleOffset: row.cycleOffset,
      annualSessions: row.annualSessions,
      paValue: row.paValue,
      expectedOutput: row.expectedOutput,
      expectedWeeks: row.expectedWeeks,
      linkedCodes: row.linkedCodes ?? [],
    });
  }
  return [...versions.values()];
}
