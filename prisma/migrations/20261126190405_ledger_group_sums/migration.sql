-- The per-consultant rollups summed per specialty and division group (lib/server/ledger/rollups.ts,
-- rewriteGroupRollup): unit-level weekly and monthly series read a few rows per bucket instead of one per
-- consultant. Filled here from the rollups as they stand, as the ledger refresh would.
-- CreateTable
CREATE TABLE "ledger_weekly_group_sums" (
    "organisation_id" INTEGER NOT NULL,
    "specialty_id" INTEGER NOT NULL,
    "division_id" INTEGER NOT NULL,
    "category" "activity_category" NOT NULL,
    "week" DATE NOT NULL,
    "planned" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "delivered_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "annualised_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_adequate_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_short_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sickness" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "hospital_cancelled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "not_scheduled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "unmatched_held" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "annualised_expectation" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expected_gross_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "patients" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "clinic_patients" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "booked" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dna" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_not_seen" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "held_planned_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "touch_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "touch_minutes_capped" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "utilisation_planned_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timed_starts" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_start_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_starts_15" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_starts_30" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timed_finishes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finish_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finishes_15" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finishes_30" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_weekly_group_sums_pkey" PRIMARY KEY ("organisation_id","specialty_id","division_id","category","week")
);

-- CreateTable
CREATE TABLE "ledger_monthly_group_sums" (
    "organisation_id" INTEGER NOT NULL,
    "specialty_id" INTEGER NOT NULL,
    "division_id" INTEGER NOT NULL,
    "category" "activity_category" NOT NULL,
    "month" DATE NOT NULL,
    "planned" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "delivered_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "annualised_credit" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_adequate_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_short_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sickness" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "hospital_cancelled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "not_scheduled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "unmatched_held" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "annualised_expectation" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "expected_gross_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "patients" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "clinic_patients" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "booked" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dna" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_not_seen" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "held_planned_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "touch_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "touch_minutes_capped" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "utilisation_planned_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timed_starts" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_start_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_starts_15" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_starts_30" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "timed_finishes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finish_minutes" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finishes_15" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "early_finishes_30" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_monthly_group_sums_pkey" PRIMARY KEY ("organisation_id","specialty_id","division_id","category","month")
);

-- CreateIndex
CREATE INDEX "ledger_weekly_group_sums_organisation_id_week_idx" ON "ledger_weekly_group_sums"("organisation_id", "week");

-- CreateIndex
CREATE INDEX "ledger_monthly_group_sums_organisation_id_month_idx" ON "ledger_monthly_group_sums"("organisation_id", "month");

-- Backfill (the same sums as rewriteGroupRollup).
INSERT INTO "ledger_weekly_group_sums" (organisation_id, specialty_id, division_id, category, week,
    planned, delivered_slots, leave_adequate_notice, leave_short_notice, sickness, hospital_cancelled, not_scheduled, unmatched_held, patients, clinic_patients, slots, booked, dna, late_not_seen, held_planned_minutes, touch_minutes, touch_minutes_capped, utilisation_planned_minutes, timed_starts, late_start_minutes, late_starts_15, late_starts_30, timed_finishes, early_finish_minutes, early_finishes_15, early_finishes_30, annualised_credit, annualised_expectation, expected_gross_slots)
SELECT m.organisation_id, c.specialty_id, c.division_id, m.category, m.week,
       sum(m.planned) AS planned,
       sum(m.delivered_slots) AS delivered_slots,
       sum(m.leave_adequate_notice) AS leave_adequate_notice,
       sum(m.leave_short_notice) AS leave_short_notice,
       sum(m.sickness) AS sickness,
       sum(m.hospital_cancelled) AS hospital_cancelled,
       sum(m.not_scheduled) AS not_scheduled,
       sum(m.unmatched_held) AS unmatched_held,
       sum(m.patients) AS patients,
       sum(m.clinic_patients) AS clinic_patients,
       sum(m.slots) AS slots,
       sum(m.booked) AS booked,
       sum(m.dna) AS dna,
       sum(m.late_not_seen) AS late_not_seen,
       sum(m.held_planned_minutes) AS held_planned_minutes,
       sum(m.touch_minutes) AS touch_minutes,
       sum(m.touch_minutes_capped) AS touch_minutes_capped,
       sum(m.utilisation_planned_minutes) AS utilisation_planned_minutes,
       sum(m.timed_starts) AS timed_starts,
       sum(m.late_start_minutes) AS late_start_minutes,
       sum(m.late_starts_15) AS late_starts_15,
       sum(m.late_starts_30) AS late_starts_30,
       sum(m.timed_finishes) AS timed_finishes,
       sum(m.early_finish_minutes) AS early_finish_minutes,
       sum(m.early_finishes_15) AS early_finishes_15,
       sum(m.early_finishes_30) AS early_finishes_30,
       sum(LEAST(COALESCE(m.unmatched_held, 0), COALESCE(m.annualised_expectation, 0))) AS annualised_credit,
       sum(COALESCE(m.annualised_expectation, 0)) AS annualised_expectation,
       sum(COALESCE(m.annualised_expectation, 0) + COALESCE(m.expected_gross_slots, 0)) AS expected_gross_slots
  FROM "ledger_weekly_sums" m
  JOIN "consultants" c ON c.organisation_id = m.organisation_id AND c.id = m.consultant_id
 GROUP BY m.organisation_id, c.specialty_id, c.division_id, m.category, m.week;

INSERT INTO "ledger_monthly_group_sums" (organisation_id, specialty_id, division_id, category, month,
    planned, delivered_slots, leave_adequate_notice, leave_short_notice, sickness, hospital_cancelled, not_scheduled, unmatched_held, patients, clinic_patients, slots, booked, dna, late_not_seen, held_planned_minutes, touch_minutes, touch_minutes_capped, utilisation_planned_minutes, timed_starts, late_start_minutes, late_starts_15, late_starts_30, timed_finishes, early_finish_minutes, early_finishes_15, early_finishes_30, annualised_credit, annualised_expectation, expected_gross_slots)
SELECT m.organisation_id, c.specialty_id, c.division_id, m.category, m.month,
       sum(m.planned) AS planned,
       sum(m.delivered_slots) AS delivered_slots,
       sum(m.leave_adequate_notice) AS leave_adequate_notice,
       sum(m.leave_short_notice) AS leave_short_notice,
       sum(m.sickness) AS sickness,
       sum(m.hospital_cancelled) AS hospital_cancelled,
       sum(m.not_scheduled) AS not_scheduled,
       sum(m.unmatched_held) AS unmatched_held,
       sum(m.patients) AS patients,
       sum(m.clinic_patients) AS clinic_patients,
       sum(m.slots) AS slots,
       sum(m.booked) AS booked,
       sum(m.dna) AS dna,
       sum(m.late_not_seen) AS late_not_seen,
       sum(m.held_planned_minutes) AS held_planned_minutes,
       sum(m.touch_minutes) AS touch_minutes,
       sum(m.touch_minutes_capped) AS touch_minutes_capped,
       sum(m.utilisation_planned_minutes) AS utilisation_planned_minutes,
       sum(m.timed_starts) AS timed_starts,
       sum(m.late_start_minutes) AS late_start_minutes,
       sum(m.late_starts_15) AS late_starts_15,
       sum(m.late_starts_30) AS late_starts_30,
       sum(m.timed_finishes) AS timed_finishes,
       sum(m.early_finish_minutes) AS early_finish_minutes,
       sum(m.early_finishes_15) AS early_finishes_15,
       sum(m.early_finishes_30) AS early_finishes_30,
       sum(LEAST(COALESCE(m.unmatched_held, 0), COALESCE(m.annualised_expectation, 0))) AS annualised_credit,
       sum(COALESCE(m.annualised_expectation, 0)) AS annualised_expectation,
       sum(COALESCE(m.annualised_expectation, 0) + COALESCE(m.expected_gross_slots, 0)) AS expected_gross_slots
  FROM "ledger_monthly_sums" m
  JOIN "consultants" c ON c.organisation_id = m.organisation_id AND c.id = m.consultant_id
 GROUP BY m.organisation_id, c.specialty_id, c.division_id, m.category, m.month;
