import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { RowProblem } from '../row-validator';
import { STAGE_TABLE } from '../staging';
import type { ImportKindHandler } from './kind';
import { MAX_ISSUES_PER_CHECK } from './sql';

const format = IMPORT_FORMATS['job-plans'];

const PLAN_HEADER = ['gmc_number', 'status', 'agreed_on', 'effective_from', 'effective_to'] as const;
const DAY_NUMBER = "array_position(ARRAY['Mon','Tue','Wed','Thu','Fri','Sat','Sun'], s.day_of_week)";

export const jobPlans: ImportKindHandler = {
  format,

  checkRow(value) {
    const problems: RowProblem[] = [];
    const hasSlot = value('day_of_week') !== '' || value('period') !== '';
    const isAnnualised = value('annual_sessions') !== '';
    if (hasSlot && isAnnualised) {
      problems.push({
        column: 'annual_sessions',
        value: value('annual_sessions'),
        message: 'a line has either a fixed slot (day_of_week and period) or annual_sessions, not both',
      });
    } else if (!isAnnualised && (value('day_of_week') === '' || value('period') === '')) {
      problems.push({
        column: value('day_of_week') === '' ? 'day_of_week' : 'period',
        value: '',
        message: 'a line needs day_of_week and period, or annual_sessions for an annualised line',
      });
    }
    const cycleWeeks = Number(value('cycle_weeks') || 1);
    const cycleOffset = Number(value('cycle_offset') || 0);
    if (cycleWeeks < 1)
      problems.push({ column: 'cycle_weeks', value: '0', message: 'cycle_weeks must be 1 or more' });
    else if (cycleOffset >= cycleWeeks) {
      problems.push({
        column: 'cycle_offset',
        value: String(cycleOffset),
        message: `cycle_offset must be between 0 and ${cycleWeeks - 1} for a ${cycleWeeks}-week cycle`,
      });
    }
    const [from, to] = [value('effective_from'), value('effective_to')];
    if (to !== '' && to < from) {
      problems.push({
        column: 'effective_to',
        value: to,
        message: `effective_to ${to} is before effective_from ${from}`,
      });
    }
    const [start, end] = [value('start_time'), value('end_time')];
    if (start && end && end <= start) {
      problems.push({
        column: 'end_time',
        value: end,
        message: `end_time ${end} is not after start_time ${start}`,
      });
    }
    return problems;
  },

  async findFileErrors(session, context) {
    const inconsistent = await session.query<{ row_number: number; plan: string; first_row: number }>(
      `SELECT s.row_number, s.job_plan_id || ' v' || s.version AS plan, f.row_number AS first_row
       FROM ${STAGE_TABLE} s
       JOIN (SELECT DISTINCT ON (job_plan_id, version) * FROM ${STAGE_TABLE} ORDER BY job_plan_id, version, row_number) f
         ON f.job_plan_id = s.job_plan_id AND f.version = s.version
       WHERE (${PLAN_HEADER.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${PLAN_HEADER.map((c) => `f.${c}`).join(', ')})
       ORDER BY s.row_number LIMIT ${MAX_ISSUES_PER_CHECK}`,
    );
    const unknown = await session.query<{ row_number: number; gmc_number: string }>(
      `SELECT min(s.row_number)::int AS row_number, s.gmc_number FROM ${STAGE_TABLE} s
       WHERE NOT EXISTS (SELECT 1 FROM consultants c WHERE c.organisation_id = $1 AND c.gmc_number = s.gmc_number)
       GROUP BY s.gmc_number ORDER BY 1 LIMIT ${MAX_ISSUES_PER_CHECK}`,
      [context.organisationId],
    );
    return [
      ...inconsistent.map((row) => ({
        rowNumber: row.row_number,
        column: 'job_plan_id',
        value: row.plan,
        message: `every line of job plan ${row.plan} must have the same ${PLAN_HEADER.join(', ')} as row ${row.first_row}`,
      })),
      ...unknown.map((row) => ({
        rowNumber: row.row_number,
        column: 'gmc_number',
        value: row.gmc_number,
        message: `GMC number ${row.gmc_number} is not in the consultant list; import the consultants first`,
      })),
    ];
  },

  async merge(session, context) {
    const parameters = [context.organisationId, context.batchId];
    // Two statements: a statement does not see the rows its own data-modifying CTE inserts.
    await session.query(
      'CREATE TEMP TABLE import_changed_plans (id integer, is_insert boolean) ON COMMIT DROP',
    );
    await session.query(
      `WITH upserted AS (
         INSERT INTO job_plans (organisation_id, source_job_plan_id, version, consultant_id, status, agreed_on,
                                effective_from, effective_to, import_batch_id, updated_at)
         SELECT DISTINCT ON (s.job_plan_id, s.version) $1::int, s.job_plan_id, s.version, c.id,
                s.status::job_plan_status, s.agreed_on, s.effective_from, s.effective_to, $2::int, now()
         FROM ${STAGE_TABLE} s JOIN consultants c ON c.organisation_id = $1 AND c.gmc_number = s.gmc_number
         ORDER BY s.job_plan_id, s.version, s.row_number
         ON CONFLICT (organisation_id, source_job_plan_id, version) DO UPDATE SET
           consultant_id = EXCLUDED.consultant_id, status = EXCLUDED.status, agreed_on = EXCLUDED.agreed_on,
           effective_from = EXCLUDED.effective_from, effective_to = EXCLUDED.effective_to,
           import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
         WHERE (job_plans.consultant_id, job_plans.status, job_plans.agreed_on, job_plans.effective_from,
                job_plans.effective_to)
           IS DISTINCT FROM (EXCLUDED.consultant_id, EXCLUDED.status, EXCLUDED.agreed_on, EXCLUDED.effective_from,
                             EXCLUDED.effective_to)
         RETURNING id, (xmax = 0) AS is_insert)
       INSERT INTO import_changed_plans SELECT id, is_insert FROM upserted`,
      parameters,
    );
    await session.query(
      `CREATE TEMP TABLE import_plans ON COMMIT DROP AS
       SELECT p.id, p.source_job_plan_id, p.version, (changed.id IS NOT NULL) AS is_changed
       FROM job_plans p
       JOIN (SELECT DISTINCT job_plan_id, version FROM ${STAGE_TABLE}) f
         ON f.job_plan_id = p.source_job_plan_id AND f.version = p.version
       LEFT JOIN import_changed_plans changed ON changed.id = p.id
       WHERE p.organisation_id = $1`,
      [context.organisationId],
    );
    const [lines] = await session.query<{ inserted: number; updated: number; header_only: number }>(
      `WITH staged_lines AS (
         SELECT s.*, p.id AS plan_id, p.is_changed AS is_plan_changed,
                row_number() OVER (PARTITION BY s.job_plan_id, s.version ORDER BY s.row_number)::int AS line_number
         FROM ${STAGE_TABLE} s
         JOIN import_plans p ON p.source_job_plan_id = s.job_plan_id AND p.version = s.version),
       upserted AS (
         INSERT INTO job_plan_activities (organisation_id, job_plan_id, line_number, activity_type, specialty_code,
           day_of_week, period, start_time, end_time, cycle_weeks, cycle_offset, annual_sessions, pa_value,
           expected_output, expected_weeks, linked_codes, import_batch_id, updated_at)
         SELECT $1::int, s.plan_id, s.line_number, s.activity_type::activity_type, s.specialty_code, ${DAY_NUMBER},
                s.period::session_period, s.start_time, s.end_time, coalesce(s.cycle_weeks, 1),
                coalesce(s.cycle_offset, 0), s.annual_sessions, s.pa_value, s.expected_output,
                coalesce(s.expected_weeks, CASE WHEN s.activity_type = 'on_call' THEN 52 ELSE 42 END),
                coalesce(string_to_array(nullif(s.linked_codes, ''), ';'), '{}'), $2::int, now()
         FROM staged_lines s
         ON CONFLICT (organisation_id, job_plan_id, line_number) DO UPDATE SET
           activity_type = EXCLUDED.activity_type, specialty_code = EXCLUDED.specialty_code,
           day_of_week = EXCLUDED.day_of_week, period = EXCLUDED.period, start_time = EXCLUDED.start_time,
           end_time = EXCLUDED.end_time, cycle_weeks = EXCLUDED.cycle_weeks, cycle_offset = EXCLUDED.cycle_offset,
           annual_sessions = EXCLUDED.annual_sessions, pa_value = EXCLUDED.pa_value,
           expected_output = EXCLUDED.expected_output, expected_weeks = EXCLUDED.expected_weeks,
           linked_codes = EXCLUDED.linked_codes, import_batch_id = EXCLUDED.import_batch_id, updated_at = now()
         WHERE (job_plan_activities.activity_type, job_plan_activities.specialty_code, job_plan_activities.day_of_week,
                job_plan_activities.period, job_plan_activities.start_time, job_plan_activities.end_time,
                job_plan_activities.cycle_weeks, job_plan_activities.cycle_offset,
                job_plan_activities.annual_sessions, job_plan_activities.pa_value,
                job_plan_activities.expected_output, job_plan_activities.expected_weeks,
                job_plan_activities.linked_codes)
           IS DISTINCT FROM (EXCLUDED.activity_type, EXCLUDED.specialty_code, EXCLUDED.day_of_week, EXCLUDED.period,
                EXCLUDED.start_time, EXCLUDED.end_time, EXCLUDED.cycle_weeks, EXCLUDED.cycle_offset,
                EXCLUDED.annual_sessions, EXCLUDED.pa_value, EXCLUDED.expected_output, EXCLUDED.expected_weeks,
                EXCLUDED.linked_codes)
         RETURNING job_plan_id, line_number, (xmax = 0) AS is_insert)
       SELECT count(*) FILTER (WHERE u.is_insert)::int AS inserted,
              count(*) FILTER (WHERE NOT u.is_insert)::int AS updated,
              -- An unchanged line of a plan whose header (dates, status) changed has changed too.
              count(*) FILTER (WHERE u.job_plan_id IS NULL AND s.is_plan_changed)::int AS header_only
       FROM staged_lines s
       LEFT JOIN upserted u ON u.job_plan_id = s.plan_id AND u.line_number = s.line_number`,
      parameters,
    );
    // Re-importing a plan version replaces its lines: lines beyond the file's last line go.
    const [removed] = await session.query<{ deleted: number }>(
      `WITH line_counts AS (
         SELECT p.id, count(*) AS lines FROM import_plans p
         JOIN ${STAGE_TABLE} s ON s.job_plan_id = p.source_job_plan_id AND s.version = p.version GROUP BY p.id),
       deleted AS (
         DELETE FROM job_plan_activities a USING line_counts l
         WHERE a.organisation_id = $1 AND a.job_plan_id = l.id AND a.line_number > l.lines RETURNING 1)
       SELECT count(*)::int AS deleted FROM deleted`,
      [context.organisationId],
    );
    return {
      inserted: lines?.inserted ?? 0,
      updated: (lines?.updated ?? 0) + (lines?.header_only ?? 0),
      deleted: removed?.deleted ?? 0,
    };
  },
};
