-- AlterTable
ALTER TABLE "ledger_monthly_sums" ADD COLUMN     "annualised_expectation" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "expected_gross_slots" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ledger_weekly_sums" (
    "organisation_id" INTEGER NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "category" "activity_category" NOT NULL,
    "week" DATE NOT NULL,
    "planned" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "delivered_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_adequate_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leave_short_notice" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sickness" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "hospital_cancelled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "not_scheduled" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "unmatched_held" DOUBLE PRECISION NOT NULL DEFAULT 0,
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
    "expected_gross_slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "annualised_expectation" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_weekly_sums_pkey" PRIMARY KEY ("organisation_id","consultant_id","week","category")
);

-- CreateIndex
CREATE INDEX "ledger_weekly_sums_organisation_id_week_idx" ON "ledger_weekly_sums"("organisation_id", "week");
