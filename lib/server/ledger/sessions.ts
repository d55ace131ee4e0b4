import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '@/lib/shared/bank-holidays';
import type { SqlSession } from '../ingest/sql-session';
import { type ConsultantSelection, consultantCondition, consultantParameter } from './consultant-filter';

export interface DateRange {
  from: string;
  to: string;
}

/** Minutes between two `time` values (null if either is missing). */
const minutesBetween = (from: string, to: string) => `(extract(epoch FROM (${to} - ${from})) / 60)::float8`;

/**
 * Which periods of a day a leave record covers (`p` the planned session, `lv` the leave). Full-day leave covers AM,
 * PM and EVE. On a multi-day leave the start period applies to the first day (PM: from the afternoon on, evening
 * included) and the end period to the last (AM: the morning only; PM: up to the end of the afternoon). A one-day
 * leave with one half and one FULL is that half; AM to PM is the whole working day.
 */
const LEAVE_COVERS_PERIOD = `
  CASE
    WHEN p.session_date > lv.start_date AND p.session_date < lv.end_date THEN TRUE
    WHEN lv.start_date = lv.end_date THEN
      CASE
        WHEN lv.start_period = 'FULL' AND lv.end_period = 'FULL' THEN TRUE
        WHEN lv.start_period = 'FULL' THEN p.period::text = lv.end_period::text
        WHEN lv.end_period = 'FULL' THEN p.period::text = lv.start_period::text
        WHEN lv.start_period = 'AM' AND lv.end_period = 'PM' THEN p.period IN ('AM', 'PM')
        ELSE p.period::text = lv.start_period::text
      END
    WHEN p.session_date = lv.start_date THEN lv.start_period <> 'PM' OR p.period IN ('PM', 'EVE')
    ELSE lv.end_period = 'FULL' OR p.period = 'AM' OR (lv.end_period = 'PM' AND p.period = 'PM')
  END`;

/**
 * Rewrites the ledger for the selected consultants and dates, in set-based SQL:
 * 1. expand the plan lines in force into planned half-day sessions (weekday, N-week cycle counted from the Monday
 *    of the week of the job plan's effective-from date, all-day lines as AM + PM), dropping bank holidays;
 * 2. take the extracts' sessions (a session recorded twice — same consultant, date, period and clinic or theatre —
 *    counts once; an all-day list is an AM and a PM half, each with half of its counts);
 * 3. pair planned sessions one-to-one with held sessions of the same consultant, date, period and category;
 * 4. give each unpaired planned session the first outcome that applies: leave with adequate notice, leave at short
 *    notice, sickness (or other unplanned absence), cancelled by the hospital, not scheduled;
 * 5. record each unpaired held session as additional.
 * Dates outside each category's coverage (see coverage.ts) are left out.
 */
export async function rewriteLedgerSessions(
  session: SqlSession,
  organisationId: number,
  consultants: ConsultantSelection,
  dates: DateRange | null,
): Promise<number> {
  const range = dates ?? { from: '0001-01-01', to: '9999-12-31' };
  const deleteParameters = [organisationId, consultantParameter(consultants), range.from, range.to];
  await session.execute(
    `DELETE FROM ledger_sessions
      WHERE organisation_id = $1 AND ${consultantCondition(consultants, 'consultant_id', 2)}
        AND session_date BETWEEN $3::date AND $4::date`,
    deleteParameters,
  );
  return session.execute(buildLedgerSql(consultants), [...deleteParameters, ENGLAND_AND_WALES_BANK_HOLIDAYS]);
}

/** $1 organisation, $2 consultant ids, $3 from, $4 to, $5 bank holidays. */
function buildLedgerSql(consultants: ConsultantSelection): string {
  const forConsultants = (column: string) => consultantCondition(consultants, column, 2);
  return `
WITH window_by_category AS (
  SELECT category, GREATEST(date_from, $3::date) AS date_from, LEAST(date_to, $4::date) AS date_to
    FROM ledger_coverage
   WHERE organisation_id = $1 AND GREATEST(date_from, $3::date) <= LEAST(date_to, $4::date)
),
notice_threshold AS (
  SELECT COALESCE((SELECT notice_threshold_days FROM trust_parameters WHERE organisation_id = $1), 42) AS days
),
line_spans AS (
  SELECT pl.consultant_id, pl.job_plan_activity_id, pl.category, l.day_of_week, l.period AS line_period,
         l.cycle_weeks, l.cycle_offset,
         ${minutesBetween('l.start_time', 'l.end_time')} AS line_minutes,
         -- the Monday of the week that holds the job plan's effective-from date: cycles count weeks from it
         jp.effective_from - (extract(isodow FROM jp.effective_from)::int - 1) AS cycle_anchor,
         first_day.value AS first_day,
         LEAST(COALESCE(pl.effective_to, w.date_to), w.date_to) AS last_day
    FROM ledger_plan_lines pl
    JOIN window_by_category w ON w.category = pl.category
    JOIN job_plan_activities l ON l.organisation_id = pl.organisation_id AND l.id = pl.job_plan_activity_id
    JOIN job_plans jp ON jp.organisation_id = pl.organisation_id AND jp.id = pl.job_plan_id
    CROSS JOIN LATERAL (
      SELECT GREATEST(pl.effective_from, w.date_from) AS start_day
    ) s
    CROSS JOIN LATERAL (
      SELECT s.start_day + ((l.day_of_week - extract(isodow FROM s.start_day)::int + 7) % 7) AS value
    ) first_day
   WHERE pl.organisation_id = $1 AND ${forConsultants('pl.consultant_id')} AND pl.sessions_per_week IS NOT NULL
),
planned AS (
  SELECT ls.consultant_id, ls.job_plan_activity_id, ls.category, d.session_date, half.period,
         CASE WHEN ls.line_period = 'ALL' THEN ls.line_minutes / 2 ELSE ls.line_minutes END AS line_minutes,
         row_number() OVER (PARTITION BY ls.consultant_id, d.session_date, half.period, ls.category
                            ORDER BY ls.job_plan_activity_id) AS pair_rank
    FROM line_spans ls
    CROSS JOIN LATERAL generate_series(0, (ls.last_day - ls.first_day) / 7) AS week(n)
    CROSS JOIN LATERAL (SELECT ls.first_day + 7 * week.n AS session_date) d
    CROSS JOIN LATERAL unnest(CASE WHEN ls.line_period = 'ALL' THEN ARRAY['AM', 'PM']::session_period[]
                                   ELSE ARRAY[ls.line_period] END) AS half(period)
   WHERE ls.first_day <= ls.last_day
     AND ((d.session_date - ls.cycle_anchor) / 7) % ls.cycle_weeks = ls.cycle_offset
     AND d.session_date <> ALL ($5::date[])
),
extract_sessions AS (
  SELECT 'clinic'::activity_category AS category, cs.id AS clinic_session_id, NULL::int AS theatre_list_id,
         cs.consultant_id, cs.session_date, cs.period AS source_period, cs.clinic_code AS location, cs.status,
         cs.cancel_reason, cs.is_additional,
         cs.attended::float8 AS patients, (cs.slots_new + cs.slots_follow_up)::float8 AS slots,
         cs.booked::float8 AS booked, cs.dna::float8 AS dna, cs.late_not_seen::float8 AS late_not_seen,
         ${minutesBetween('cs.planned_start', 'cs.planned_end')} AS planned_minutes,
         NULL::float8 AS touch_minutes, NULL::float8 AS touch_minutes_capped,
         NULL::float8 AS late_start_minutes, NULL::float8 AS early_finish_minutes
    FROM clinic_sessions cs
    JOIN window_by_category w ON w.category = 'clinic' AND cs.session_date BETWEEN w.date_from AND w.date_to
   WHERE cs.organisation_id = $1 AND cs.consultant_id IS NOT NULL AND ${forConsultants('cs.consultant_id')}
  UNION ALL
  SELECT 'list', NULL, tl.id, tl.consultant_id, tl.list_date, tl.period, tl.theatre_code, tl.status,
         tl.cancel_reason, tl.is_additional,
         tl.cases_done::float8, 0, tl.cases_booked::float8, 0, 0,
         ${minutesBetween('tl.planned_start', 'tl.planned_end')},
         tl.touch_minutes::float8,
         -- touch time inside the planned start–end: no more than the overlap of the actual and planned times
         LEAST(tl.touch_minutes::float8,
               GREATEST(0, ${minutesBetween('GREATEST(tl.actual_start, tl.planned_start)', 'LEAST(tl.actual_end, tl.planned_end)')}),
               ${minutesBetween('tl.planned_start', 'tl.planned_end')}),
         GREATEST(0, ${minutesBetween('tl.planned_start', 'tl.actual_start')}),
         GREATEST(0, ${minutesBetween('tl.actual_end', 'tl.planned_end')})
    FROM theatre_lists tl
    JOIN window_by_category w ON w.category = 'list' AND tl.list_date BETWEEN w.date_from AND w.date_to
   WHERE tl.organisation_id = $1 AND tl.consultant_id IS NOT NULL AND ${forConsultants('tl.consultant_id')}
),
distinct_sessions AS (
  SELECT DISTINCT ON (category, consultant_id, session_date, source_period, location) *
    FROM extract_sessions
   ORDER BY category, consultant_id, session_date, source_period, location, (status = 'held') DESC,
            clinic_session_id, theatre_list_id
),
session_halves AS (
  SELECT x.*, half.period, CASE WHEN x.source_period = 'ALL' THEN 0.5 ELSE 1 END AS share,
         -- a list's start and finish belong to the list, not to each half: keep them on its first half only
         half.period = 'PM' AND x.source_period = 'ALL' AS is_second_half
    FROM distinct_sessions x
    CROSS JOIN LATERAL unnest(CASE WHEN x.source_period = 'ALL' THEN ARRAY['AM', 'PM']::session_period[]
                                   ELSE ARRAY[x.source_period] END) AS half(period)
),
held AS (
  SELECT h.*, row_number() OVER (PARTITION BY consultant_id, session_date, period, category
                                 ORDER BY share DESC, clinic_session_id, theatre_list_id) AS pair_rank
    FROM session_halves h
   WHERE status = 'held'
),
cancelled AS (
  SELECT DISTINCT ON (consultant_id, session_date, period, category)
         consultant_id, session_date, period, category, clinic_session_id, theatre_list_id, cancel_reason, status
    FROM session_halves
   WHERE status <> 'held'
   ORDER BY consultant_id, session_date, period, category, clinic_session_id, theatre_list_id
),
paired AS (
  SELECT COALESCE(p.consultant_id, h.consultant_id) AS consultant_id,
         COALESCE(p.session_date, h.session_date) AS session_date,
         COALESCE(p.period, h.period) AS period,
         COALESCE(p.category, h.category) AS category,
         p.job_plan_activity_id, p.line_minutes, h.clinic_session_id AS held_clinic_id,
         h.theatre_list_id AS held_list_id, h.is_additional, h.share, h.is_second_half, h.patients, h.slots,
         h.booked, h.dna, h.late_not_seen, h.planned_minutes, h.touch_minutes, h.touch_minutes_capped,
         h.late_start_minutes, h.early_finish_minutes,
         p.consultant_id IS NULL AS is_additional_session, h.consultant_id IS NOT NULL AS is_held
    FROM planned p
    FULL JOIN held h
      ON h.consultant_id = p.consultant_id AND h.session_date = p.session_date AND h.period = p.period
     AND h.category = p.category AND h.pair_rank = p.pair_rank
),
judged AS (
  SELECT x.*, lv.id AS leave_id, lv.notice_days, lv.outcome AS leave_outcome,
         c.clinic_session_id AS cancelled_clinic_id, c.theatre_list_id AS cancelled_list_id,
         c.cancel_reason AS cancelled_reason, c.status AS cancelled_status
    FROM paired x
    LEFT JOIN LATERAL (
      SELECT lv.id, notice.days AS notice_days,
             CASE WHEN lv.leave_type IN ('sick', 'parental', 'compassionate') THEN 'sickness'
                  WHEN notice.days IS NULL OR notice.days >= (SELECT days FROM notice_threshold)
                    THEN 'leave_adequate_notice'
                  ELSE 'leave_short_notice' END AS outcome
        FROM leave lv
        CROSS JOIN LATERAL (SELECT x.session_date - COALESCE(lv.requested_on, lv.approved_on) AS days) notice
        CROSS JOIN LATERAL (SELECT x.session_date, x.period) p
       WHERE NOT x.is_held
         AND lv.organisation_id = $1 AND lv.consultant_id = x.consultant_id
         AND lv.start_date <= x.session_date AND lv.end_date >= x.session_date
         AND ${LEAVE_COVERS_PERIOD}
       ORDER BY CASE WHEN lv.leave_type IN ('sick', 'parental', 'compassionate') THEN 3
                     WHEN notice.days IS NULL OR notice.days >= (SELECT days FROM notice_threshold) THEN 1
                     ELSE 2 END, lv.id
       LIMIT 1
    ) lv ON TRUE
    LEFT JOIN cancelled c
      ON NOT x.is_held AND c.consultant_id = x.consultant_id AND c.session_date = x.session_date
     AND c.period = x.period AND c.category = x.category
)
INSERT INTO ledger_sessions (organisation_id, consultant_id, session_date, period, category, outcome,
                             job_plan_activity_id, clinic_session_id, theatre_list_id, leave_id, notice_days,
                             cancel_reason, is_source_additional, patients, slots, booked, dna, late_not_seen,
                             planned_minutes, touch_minutes, touch_minutes_capped, late_start_minutes,
                             early_finish_minutes)
SELECT $1, consultant_id, session_date, period, category,
       (CASE WHEN is_additional_session THEN 'additional'
             WHEN is_held THEN 'delivered'
             WHEN leave_outcome IS NOT NULL THEN leave_outcome
             WHEN cancelled_status IS NOT NULL THEN 'hospital_cancelled'
             ELSE 'not_scheduled' END)::ledger_outcome,
       job_plan_activity_id,
       COALESCE(held_clinic_id, CASE WHEN leave_outcome IS NULL THEN cancelled_clinic_id END),
       COALESCE(held_list_id, CASE WHEN leave_outcome IS NULL THEN cancelled_list_id END),
       leave_id, notice_days,
       CASE WHEN NOT is_held AND leave_outcome IS NULL AND cancelled_status IS NOT NULL
            THEN COALESCE(cancelled_reason, CASE WHEN cancelled_status = 'reallocated' THEN 'Reallocated' END) END,
       COALESCE(is_additional, FALSE),
       COALESCE(patients * share, 0), COALESCE(slots * share, 0), COALESCE(booked * share, 0),
       COALESCE(dna * share, 0), COALESCE(late_not_seen * share, 0),
       CASE WHEN is_held THEN COALESCE(planned_minutes * share, line_minutes, 240 * share) END,
       touch_minutes * share, touch_minutes_capped * share,
       CASE WHEN NOT is_second_half THEN late_start_minutes END,
       CASE WHEN NOT is_second_half THEN early_finish_minutes END
  FROM judged`;
}
