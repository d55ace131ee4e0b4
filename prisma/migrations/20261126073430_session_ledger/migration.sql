-- CreateEnum
CREATE TYPE "ledger_outcome" AS ENUM ('delivered', 'leave_adequate_notice', 'leave_short_notice', 'sickness', 'hospital_cancelled', 'not_scheduled', 'additional');

-- CreateTable
CREATE TABLE "ledger_sessions" (
    "organisation_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "session_date" DATE NOT NULL,
    "period" "session_period" NOT NULL,
    "category" "activity_category" NOT NULL,
    "outcome" "ledger_outcome" NOT NULL,
    "job_plan_activity_id" INTEGER,
    "clinic_session_id" INTEGER,
    "theatre_list_id" INTEGER,
    "leave_id" INTEGER,
    "notice_days" INTEGER,
    "cancel_reason" TEXT,
    "is_source_additional" BOOLEAN NOT NULL DEFAULT false,
    "patients" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "slots" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "booked" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "dna" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "late_not_seen" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "planned_minutes" DOUBLE PRECISION,
    "touch_minutes" DOUBLE PRECISION,
    "touch_minutes_capped" DOUBLE PRECISION,
    "late_start_minutes" DOUBLE PRECISION,
    "early_finish_minutes" DOUBLE PRECISION,

    CONSTRAINT "ledger_sessions_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "ledger_plan_lines" (
    "organisation_id" INTEGER NOT NULL,
    "job_plan_activity_id" INTEGER NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "job_plan_id" INTEGER NOT NULL,
    "category" "activity_category" NOT NULL,
    "activity_type" "activity_type" NOT NULL,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "sessions_per_week" DOUBLE PRECISION,
    "annual_sessions" DOUBLE PRECISION,
    "expected_weeks" DOUBLE PRECISION NOT NULL,
    "is_draft" BOOLEAN NOT NULL,

    CONSTRAINT "ledger_plan_lines_pkey" PRIMARY KEY ("organisation_id","job_plan_activity_id")
);

-- CreateTable
CREATE TABLE "ledger_coverage" (
    "organisation_id" INTEGER NOT NULL,
    "category" "activity_category" NOT NULL,
    "date_from" DATE NOT NULL,
    "date_to" DATE NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_coverage_pkey" PRIMARY KEY ("organisation_id","category")
);

-- CreateTable
CREATE TABLE "ledger_refresh_requests" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "batch_id" INTEGER,
    "consultant_ids" INTEGER[],
    "date_from" DATE,
    "date_to" DATE,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_refresh_requests_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateIndex
CREATE INDEX "ledger_sessions_organisation_id_consultant_id_session_date_idx" ON "ledger_sessions"("organisation_id", "consultant_id", "session_date");

-- CreateIndex
CREATE INDEX "ledger_sessions_organisation_id_session_date_idx" ON "ledger_sessions"("organisation_id", "session_date");

-- CreateIndex
CREATE INDEX "ledger_plan_lines_organisation_id_consultant_id_idx" ON "ledger_plan_lines"("organisation_id", "consultant_id");
