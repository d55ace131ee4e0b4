-- Fills the rollups' new plan expectations, and the weekly rollup, from the ledger and plan lines as they stand
-- for every organisation (rewriteRollup in lib/server/ledger/rollups.ts for all consultants and dates), so that
-- dashboards read the right numbers before the next ledger refresh.
DELETE FROM ledger_monthly_sums;

WITH sessions AS (
  SELECT l.organisation_id, l.consultant_id, l.category, date_trunc('month', (l.session_date)::timestamp)::date AS bucket,
         COALESCE(count(*) FILTER (WHERE l.outcome <> 'additional'), 0)::float8 AS planned,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'delivered'), 0)::float8 AS delivered_slots,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'leave_adequate_notice'), 0)::float8 AS leave_adequate_notice,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'leave_short_notice'), 0)::float8 AS leave_short_notice,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'sickness'), 0)::float8 AS sickness,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'hospital_cancelled'), 0)::float8 AS hospital_cancelled,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'not_scheduled'), 0)::float8 AS not_scheduled,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'additional'), 0)::float8 AS unmatched_held,
         COALESCE(sum(l.patients), 0)::float8 AS patients,
         COALESCE(sum(l.patients) FILTER (WHERE l.category = 'clinic'), 0)::float8 AS clinic_patients,
         COALESCE(sum(l.slots), 0)::float8 AS slots,
         COALESCE(sum(l.booked), 0)::float8 AS booked,
         COALESCE(sum(l.dna), 0)::float8 AS dna,
         COALESCE(sum(l.late_not_seen), 0)::float8 AS late_not_seen,
         COALESCE(sum(l.planned_minutes), 0)::float8 AS held_planned_minutes,
         COALESCE(sum(l.touch_minutes), 0)::float8 AS touch_minutes,
         COALESCE(sum(l.touch_minutes_capped), 0)::float8 AS touch_minutes_capped,
         COALESCE(sum(l.planned_minutes) FILTER (WHERE l.touch_minutes IS NOT NULL), 0)::float8 AS utilisation_planned_minutes,
         COALESCE(count(l.late_start_minutes), 0)::float8 AS timed_starts,
         COALESCE(sum(l.late_start_minutes), 0)::float8 AS late_start_minutes,
         COALESCE(count(*) FILTER (WHERE l.late_start_minutes >= 15), 0)::float8 AS late_starts_15,
         COALESCE(count(*) FILTER (WHERE l.late_start_minutes >= 30), 0)::float8 AS late_starts_30,
         COALESCE(count(l.early_finish_minutes), 0)::float8 AS timed_finishes,
         COALESCE(sum(l.early_finish_minutes), 0)::float8 AS early_finish_minutes,
         COALESCE(count(*) FILTER (WHERE l.early_finish_minutes >= 15), 0)::float8 AS early_finishes_15,
         COALESCE(count(*) FILTER (WHERE l.early_finish_minutes >= 30), 0)::float8 AS early_finishes_30
    FROM ledger_sessions l
   WHERE TRUE
     AND l.session_date >= date_trunc('month', ('0001-01-01'::date)::timestamp)::date AND l.session_date < (date_trunc('month', ('9999-12-31'::date)::timestamp)::date + interval '1 month')::date
   GROUP BY 1, 2, 3, 4
),
plans AS (
  SELECT pl.organisation_id, pl.consultant_id, pl.category, b.first_day AS bucket,
         sum(COALESCE(pl.sessions_per_week * pl.expected_weeks, 0) * d.days / 365.0) AS expected_gross_slots,
    sum(COALESCE(pl.annual_sessions, 0) * d.days / 365.0) AS annualised_expectation
    FROM ledger_plan_lines pl
    JOIN ledger_coverage cv ON cv.organisation_id = pl.organisation_id AND cv.category = pl.category
    -- the buckets the line is in force in, on covered days, within the range
    CROSS JOIN LATERAL (
      SELECT b::date AS first_day, (b + interval '1 month')::date - 1 AS last_day
        FROM generate_series(
               date_trunc('month', (GREATEST(pl.effective_from, cv.date_from, date_trunc('month', ('0001-01-01'::date)::timestamp)::date))::timestamp)::date::timestamp,
               LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, (date_trunc('month', ('9999-12-31'::date)::timestamp)::date + interval '1 month')::date - 1)::timestamp,
               interval '1 month') AS b
    ) b
    CROSS JOIN LATERAL (SELECT LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, b.last_day)
        - GREATEST(pl.effective_from, cv.date_from, b.first_day) + 1 AS days) d
   WHERE d.days > 0
   GROUP BY 1, 2, 3, 4
)
INSERT INTO ledger_monthly_sums (organisation_id, consultant_id, category, month,
                             planned, delivered_slots, leave_adequate_notice, leave_short_notice, sickness, hospital_cancelled, not_scheduled, unmatched_held, patients, clinic_patients, slots, booked, dna, late_not_seen, held_planned_minutes, touch_minutes, touch_minutes_capped, utilisation_planned_minutes, timed_starts, late_start_minutes, late_starts_15, late_starts_30, timed_finishes, early_finish_minutes, early_finishes_15, early_finishes_30, expected_gross_slots, annualised_expectation)
SELECT COALESCE(s.organisation_id, p.organisation_id), COALESCE(s.consultant_id, p.consultant_id), COALESCE(s.category, p.category),
       COALESCE(s.bucket, p.bucket),
       COALESCE(s.planned, 0), COALESCE(s.delivered_slots, 0), COALESCE(s.leave_adequate_notice, 0), COALESCE(s.leave_short_notice, 0), COALESCE(s.sickness, 0), COALESCE(s.hospital_cancelled, 0), COALESCE(s.not_scheduled, 0), COALESCE(s.unmatched_held, 0), COALESCE(s.patients, 0), COALESCE(s.clinic_patients, 0), COALESCE(s.slots, 0), COALESCE(s.booked, 0), COALESCE(s.dna, 0), COALESCE(s.late_not_seen, 0), COALESCE(s.held_planned_minutes, 0), COALESCE(s.touch_minutes, 0), COALESCE(s.touch_minutes_capped, 0), COALESCE(s.utilisation_planned_minutes, 0), COALESCE(s.timed_starts, 0), COALESCE(s.late_start_minutes, 0), COALESCE(s.late_starts_15, 0), COALESCE(s.late_starts_30, 0), COALESCE(s.timed_finishes, 0), COALESCE(s.early_finish_minutes, 0), COALESCE(s.early_finishes_15, 0), COALESCE(s.early_finishes_30, 0),
       COALESCE(p.expected_gross_slots, 0), COALESCE(p.annualised_expectation, 0)
  FROM sessions s
  FULL JOIN plans p ON p.organisation_id = s.organisation_id AND p.consultant_id = s.consultant_id AND p.category = s.category AND p.bucket = s.bucket;

DELETE FROM ledger_weekly_sums;

WITH sessions AS (
  SELECT l.organisation_id, l.consultant_id, l.category, ((l.session_date)::date - (extract(isodow FROM (l.session_date)::date)::int - 1)) AS bucket,
         COALESCE(count(*) FILTER (WHERE l.outcome <> 'additional'), 0)::float8 AS planned,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'delivered'), 0)::float8 AS delivered_slots,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'leave_adequate_notice'), 0)::float8 AS leave_adequate_notice,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'leave_short_notice'), 0)::float8 AS leave_short_notice,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'sickness'), 0)::float8 AS sickness,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'hospital_cancelled'), 0)::float8 AS hospital_cancelled,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'not_scheduled'), 0)::float8 AS not_scheduled,
         COALESCE(count(*) FILTER (WHERE l.outcome = 'additional'), 0)::float8 AS unmatched_held,
         COALESCE(sum(l.patients), 0)::float8 AS patients,
         COALESCE(sum(l.patients) FILTER (WHERE l.category = 'clinic'), 0)::float8 AS clinic_patients,
         COALESCE(sum(l.slots), 0)::float8 AS slots,
         COALESCE(sum(l.booked), 0)::float8 AS booked,
         COALESCE(sum(l.dna), 0)::float8 AS dna,
         COALESCE(sum(l.late_not_seen), 0)::float8 AS late_not_seen,
         COALESCE(sum(l.planned_minutes), 0)::float8 AS held_planned_minutes,
         COALESCE(sum(l.touch_minutes), 0)::float8 AS touch_minutes,
         COALESCE(sum(l.touch_minutes_capped), 0)::float8 AS touch_minutes_capped,
         COALESCE(sum(l.planned_minutes) FILTER (WHERE l.touch_minutes IS NOT NULL), 0)::float8 AS utilisation_planned_minutes,
         COALESCE(count(l.late_start_minutes), 0)::float8 AS timed_starts,
         COALESCE(sum(l.late_start_minutes), 0)::float8 AS late_start_minutes,
         COALESCE(count(*) FILTER (WHERE l.late_start_minutes >= 15), 0)::float8 AS late_starts_15,
         COALESCE(count(*) FILTER (WHERE l.late_start_minutes >= 30), 0)::float8 AS late_starts_30,
         COALESCE(count(l.early_finish_minutes), 0)::float8 AS timed_finishes,
         COALESCE(sum(l.early_finish_minutes), 0)::float8 AS early_finish_minutes,
         COALESCE(count(*) FILTER (WHERE l.early_finish_minutes >= 15), 0)::float8 AS early_finishes_15,
         COALESCE(count(*) FILTER (WHERE l.early_finish_minutes >= 30), 0)::float8 AS early_finishes_30
    FROM ledger_sessions l
   WHERE TRUE
     AND l.session_date >= (('0001-01-01'::date)::date - (extract(isodow FROM ('0001-01-01'::date)::date)::int - 1)) AND l.session_date < ((('9999-12-31'::date)::date - (extract(isodow FROM ('9999-12-31'::date)::date)::int - 1)) + interval '7 days')::date
   GROUP BY 1, 2, 3, 4
),
plans AS (
  SELECT pl.organisation_id, pl.consultant_id, pl.category, b.first_day AS bucket,
         sum(COALESCE(pl.sessions_per_week * pl.expected_weeks, 0) * d.days / 365.0) AS expected_gross_slots,
    sum(COALESCE(pl.annual_sessions, 0) * d.days / 365.0) AS annualised_expectation
    FROM ledger_plan_lines pl
    JOIN ledger_coverage cv ON cv.organisation_id = pl.organisation_id AND cv.category = pl.category
    -- the buckets the line is in force in, on covered days, within the range
    CROSS JOIN LATERAL (
      SELECT b::date AS first_day, (b + interval '7 days')::date - 1 AS last_day
        FROM generate_series(
               ((GREATEST(pl.effective_from, cv.date_from, (('0001-01-01'::date)::date - (extract(isodow FROM ('0001-01-01'::date)::date)::int - 1))))::date - (extract(isodow FROM (GREATEST(pl.effective_from, cv.date_from, (('0001-01-01'::date)::date - (extract(isodow FROM ('0001-01-01'::date)::date)::int - 1))))::date)::int - 1))::timestamp,
               LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, ((('9999-12-31'::date)::date - (extract(isodow FROM ('9999-12-31'::date)::date)::int - 1)) + interval '7 days')::date - 1)::timestamp,
               interval '7 days') AS b
    ) b
    CROSS JOIN LATERAL (SELECT LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, b.last_day)
        - GREATEST(pl.effective_from, cv.date_from, b.first_day) + 1 AS days) d
   WHERE d.days > 0
   GROUP BY 1, 2, 3, 4
)
INSERT INTO ledger_weekly_sums (organisation_id, consultant_id, category, week,
                             planned, delivered_slots, leave_adequate_notice, leave_short_notice, sickness, hospital_cancelled, not_scheduled, unmatched_held, patients, clinic_patients, slots, booked, dna, late_not_seen, held_planned_minutes, touch_minutes, touch_minutes_capped, utilisation_planned_minutes, timed_starts, late_start_minutes, late_starts_15, late_starts_30, timed_finishes, early_finish_minutes, early_finishes_15, early_finishes_30, expected_gross_slots, annualised_expectation)
SELECT COALESCE(s.organisation_id, p.organisation_id), COALESCE(s.consultant_id, p.consultant_id), COALESCE(s.category, p.category),
       COALESCE(s.bucket, p.bucket),
       COALESCE(s.planned, 0), COALESCE(s.delivered_slots, 0), COALESCE(s.leave_adequate_notice, 0), COALESCE(s.leave_short_notice, 0), COALESCE(s.sickness, 0), COALESCE(s.hospital_cancelled, 0), COALESCE(s.not_scheduled, 0), COALESCE(s.unmatched_held, 0), COALESCE(s.patients, 0), COALESCE(s.clinic_patients, 0), COALESCE(s.slots, 0), COALESCE(s.booked, 0), COALESCE(s.dna, 0), COALESCE(s.late_not_seen, 0), COALESCE(s.held_planned_minutes, 0), COALESCE(s.touch_minutes, 0), COALESCE(s.touch_minutes_capped, 0), COALESCE(s.utilisation_planned_minutes, 0), COALESCE(s.timed_starts, 0), COALESCE(s.late_start_minutes, 0), COALESCE(s.late_starts_15, 0), COALESCE(s.late_starts_30, 0), COALESCE(s.timed_finishes, 0), COALESCE(s.early_finish_minutes, 0), COALESCE(s.early_finishes_15, 0), COALESCE(s.early_finishes_30, 0),
       COALESCE(p.expected_gross_slots, 0), COALESCE(p.annualised_expectation, 0)
  FROM sessions s
  FULL JOIN plans p ON p.organisation_id = s.organisation_id AND p.consultant_id = s.consultant_id AND p.category = s.category AND p.bucket = s.bucket;
