import type { SqlSession } from '../ingest/sql-session';
import { type ConsultantSelection, consultantCondition, consultantParameter } from './consultant-filter';

/** The job plan activity types the extracts can show delivered, and the category each is compared within. */
export const LEDGER_ACTIVITY_CATEGORY = `CASE WHEN l.activity_type = 'outpatient_clinic' THEN 'clinic' ELSE 'list' END`;
export const LEDGER_ACTIVITY_TYPES = `('outpatient_clinic', 'theatre_list', 'endoscopy_list')`;

/**
 * Rebuilds `ledger_plan_lines` for the selected consultants: the lines of the job plans in force and the dates each
 * is in force. Rules (written on the Definitions page):
 * - agreed job plans are used; a consultant who has only draft plans is planned from the drafts (and flagged);
 * - a later version ends the one before it: a plan is in force from its effective-from date until the day before
 *   the next version starts, or its own effective-to date if that is earlier;
 * - a line with a day and period is a fixed slot (1/N sessions a week for an N-week cycle, 2 for an all-day line);
 *   a line without one is annualised (its count a year).
 */
export async function rebuildPlanLines(
  session: SqlSession,
  organisationId: number,
  consultants: ConsultantSelection,
): Promise<number> {
  await session.execute(
    `DELETE FROM ledger_plan_lines
      WHERE organisation_id = $1 AND ${consultantCondition(consultants, 'consultant_id', 2)}`,
    [organisationId, consultantParameter(consultants)],
  );
  return session.execute(
    `WITH chosen AS (
       SELECT jp.id, jp.consultant_id, jp.version, jp.status, jp.effective_from, jp.effective_to
         FROM job_plans jp
        WHERE jp.organisation_id = $1 AND ${consultantCondition(consultants, 'jp.consultant_id', 2)}
          AND (jp.status = 'agreed'
               OR NOT EXISTS (SELECT 1 FROM job_plans a
                               WHERE a.organisation_id = jp.organisation_id AND a.consultant_id = jp.consultant_id
                                 AND a.status = 'agreed'))
     ),
     in_force AS (
       SELECT id, consultant_id, status = 'draft' AS is_draft, effective_from,
              LEAST(effective_to,
                    LEAD(effective_from) OVER (PARTITION BY consultant_id ORDER BY effective_from, version) - 1)
                AS effective_to
         FROM chosen
     )
     INSERT INTO ledger_plan_lines (organisation_id, job_plan_activity_id, consultant_id, job_plan_id, category,
                                    activity_type, effective_from, effective_to, sessions_per_week,
                                    annual_sessions, expected_weeks, is_draft)
     SELECT $1, l.id, f.consultant_id, f.id, (${LEDGER_ACTIVITY_CATEGORY})::activity_category, l.activity_type,
            f.effective_from, f.effective_to,
            CASE WHEN l.day_of_week IS NOT NULL AND l.period IS NOT NULL
                 THEN (CASE WHEN l.period = 'ALL' THEN 2 ELSE 1 END)::float8 / l.cycle_weeks END,
            CASE WHEN l.day_of_week IS NULL OR l.period IS NULL THEN l.annual_sessions::float8 END,
            l.expected_weeks::float8, f.is_draft
       FROM in_force f
       JOIN job_plan_activities l ON l.organisation_id = $1 AND l.job_plan_id = f.id
      WHERE l.activity_type IN ${LEDGER_ACTIVITY_TYPES}
        AND (f.effective_to IS NULL OR f.effective_to >= f.effective_from)
        AND ((l.day_of_week IS NOT NULL AND l.period IS NOT NULL) OR l.annual_sessions > 0)`,
    [organisationId, consultantParameter(consultants)],
  );
}
