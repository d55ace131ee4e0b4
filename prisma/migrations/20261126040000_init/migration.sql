-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "job_plan_status" AS ENUM ('draft', 'agreed');

-- CreateEnum
CREATE TYPE "activity_type" AS ENUM ('outpatient_clinic', 'theatre_list', 'endoscopy_list', 'ward_round', 'mdt', 'spa', 'on_call', 'admin', 'other');

-- CreateEnum
CREATE TYPE "session_period" AS ENUM ('AM', 'PM', 'EVE', 'ALL');

-- CreateEnum
CREATE TYPE "session_status" AS ENUM ('held', 'cancelled', 'reallocated');

-- CreateEnum
CREATE TYPE "list_type" AS ENUM ('theatre', 'endoscopy');

-- CreateEnum
CREATE TYPE "leave_period" AS ENUM ('FULL', 'AM', 'PM');

-- CreateEnum
CREATE TYPE "leave_type" AS ENUM ('annual', 'study', 'professional', 'sick', 'parental', 'compassionate', 'other');

-- CreateEnum
CREATE TYPE "import_kind" AS ENUM ('consultants', 'job_plans', 'clinic_sessions', 'clinic_appointments', 'theatre_lists', 'leave');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('running', 'committed', 'rejected', 'dry_run', 'unchanged', 'failed');

-- CreateEnum
CREATE TYPE "import_issue_severity" AS ENUM ('error', 'warning');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'executive', 'divisional_director', 'clinical_lead', 'consultant');

-- CreateEnum
CREATE TYPE "utilisation_mode" AS ENUM ('capped', 'uncapped');

-- CreateEnum
CREATE TYPE "activity_category" AS ENUM ('clinic', 'list', 'all');

-- CreateTable
CREATE TABLE "organisations" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trust_parameters" (
    "organisation_id" INTEGER NOT NULL,
    "notice_threshold_days" INTEGER NOT NULL DEFAULT 42,
    "expected_weeks_elective" DECIMAL(4,1) NOT NULL DEFAULT 42,
    "expected_weeks_on_call" DECIMAL(4,1) NOT NULL DEFAULT 52,
    "dna_includes_late_not_seen" BOOLEAN NOT NULL DEFAULT true,
    "theatre_utilisation_mode" "utilisation_mode" NOT NULL DEFAULT 'capped',
    "fulfilment_target" DECIMAL(5,4) NOT NULL DEFAULT 0.95,
    "benchmark_min_held_sessions" INTEGER NOT NULL DEFAULT 10,
    "over_delivery_threshold" DECIMAL(5,4) NOT NULL DEFAULT 1.10,
    "under_delivery_threshold" DECIMAL(5,4) NOT NULL DEFAULT 0.80,
    "sustained_months" INTEGER NOT NULL DEFAULT 3,
    "job_plan_review_months" INTEGER NOT NULL DEFAULT 12,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trust_parameters_pkey" PRIMARY KEY ("organisation_id")
);

-- CreateTable
CREATE TABLE "metric_targets" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "metric_id" VARCHAR(64) NOT NULL,
    "specialty_id" INTEGER,
    "activity_category" "activity_category",
    "value" DECIMAL(12,4) NOT NULL,
    "source" TEXT NOT NULL,
    "source_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "metric_targets_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "divisions" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "divisions_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "specialties" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "division_id" INTEGER NOT NULL,

    CONSTRAINT "specialties_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "consultants" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "gmc_number" VARCHAR(7) NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "specialty_id" INTEGER NOT NULL,
    "division_id" INTEGER NOT NULL,
    "contracted_pas" DECIMAL(5,2),
    "dcc_pas" DECIMAL(5,2),
    "spa_pas" DECIMAL(5,2),
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultants_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "job_plans" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "source_job_plan_id" VARCHAR(64) NOT NULL,
    "version" INTEGER NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "status" "job_plan_status" NOT NULL,
    "agreed_on" DATE,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "import_batch_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_plans_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "job_plan_activities" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "job_plan_id" INTEGER NOT NULL,
    "line_number" INTEGER NOT NULL,
    "activity_type" "activity_type" NOT NULL,
    "specialty_code" VARCHAR(10),
    "day_of_week" SMALLINT,
    "period" "session_period",
    "start_time" TIME(0),
    "end_time" TIME(0),
    "cycle_weeks" SMALLINT NOT NULL DEFAULT 1,
    "cycle_offset" SMALLINT NOT NULL DEFAULT 0,
    "annual_sessions" DECIMAL(6,2),
    "pa_value" DECIMAL(5,3) NOT NULL,
    "expected_output" DECIMAL(6,2),
    "expected_weeks" DECIMAL(4,1) NOT NULL DEFAULT 42,
    "linked_codes" TEXT[],

    CONSTRAINT "job_plan_activities_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "clinic_sessions" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "source_session_id" VARCHAR(64) NOT NULL,
    "clinic_code" VARCHAR(32) NOT NULL,
    "session_date" DATE NOT NULL,
    "period" "session_period" NOT NULL,
    "planned_start" TIME(0),
    "planned_end" TIME(0),
    "gmc_number" VARCHAR(16) NOT NULL,
    "consultant_id" INTEGER,
    "specialty_code" VARCHAR(10) NOT NULL,
    "status" "session_status" NOT NULL,
    "cancel_reason" TEXT,
    "cancelled_on" DATE,
    "slots_new" INTEGER NOT NULL DEFAULT 0,
    "slots_follow_up" INTEGER NOT NULL DEFAULT 0,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "attended" INTEGER NOT NULL DEFAULT 0,
    "dna" INTEGER NOT NULL DEFAULT 0,
    "late_not_seen" INTEGER NOT NULL DEFAULT 0,
    "patient_cancelled" INTEGER NOT NULL DEFAULT 0,
    "hospital_cancelled" INTEGER NOT NULL DEFAULT 0,
    "first_attendances" INTEGER NOT NULL DEFAULT 0,
    "follow_up_attendances" INTEGER NOT NULL DEFAULT 0,
    "is_additional" BOOLEAN NOT NULL DEFAULT false,
    "import_batch_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_sessions_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "theatre_lists" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "source_list_id" VARCHAR(64) NOT NULL,
    "theatre_code" VARCHAR(32) NOT NULL,
    "list_date" DATE NOT NULL,
    "period" "session_period" NOT NULL,
    "planned_start" TIME(0),
    "planned_end" TIME(0),
    "gmc_number" VARCHAR(16) NOT NULL,
    "consultant_id" INTEGER,
    "specialty_code" VARCHAR(10) NOT NULL,
    "list_type" "list_type" NOT NULL,
    "status" "session_status" NOT NULL,
    "cancel_reason" TEXT,
    "cancelled_on" DATE,
    "actual_start" TIME(0),
    "actual_end" TIME(0),
    "cases_booked" INTEGER NOT NULL DEFAULT 0,
    "cases_done" INTEGER NOT NULL DEFAULT 0,
    "touch_minutes" INTEGER,
    "is_additional" BOOLEAN NOT NULL DEFAULT false,
    "import_batch_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "theatre_lists_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "leave" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "source_key" VARCHAR(128) NOT NULL,
    "gmc_number" VARCHAR(16) NOT NULL,
    "consultant_id" INTEGER,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "start_period" "leave_period" NOT NULL DEFAULT 'FULL',
    "end_period" "leave_period" NOT NULL DEFAULT 'FULL',
    "leave_type" "leave_type" NOT NULL,
    "requested_on" DATE,
    "approved_on" DATE,
    "import_batch_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leave_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "source_profiles" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "kind" "import_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "column_mapping" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_profiles_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "kind" "import_kind" NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'running',
    "file_name" TEXT NOT NULL,
    "file_hash" CHAR(64) NOT NULL,
    "file_bytes" BIGINT NOT NULL,
    "source_profile_id" INTEGER,
    "period_from" DATE,
    "period_to" DATE,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "rows_inserted" INTEGER NOT NULL DEFAULT 0,
    "rows_updated" INTEGER NOT NULL DEFAULT 0,
    "rows_unchanged" INTEGER NOT NULL DEFAULT 0,
    "rows_deleted" INTEGER NOT NULL DEFAULT 0,
    "rows_rejected" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "created_by_user_id" INTEGER,
    "api_token_id" INTEGER,

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "import_issues" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "severity" "import_issue_severity" NOT NULL,
    "row_number" INTEGER,
    "column" TEXT,
    "value" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_issues_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "users" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "failed_sign_in_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" "role" NOT NULL,
    "division_id" INTEGER,
    "specialty_id" INTEGER,
    "consultant_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "created_by_user_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "organisation_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" INTEGER,
    "actor_token_id" INTEGER,
    "action" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(64),
    "entity_id" VARCHAR(64),
    "details" JSONB,
    "ip_address" VARCHAR(64),

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_code_key" ON "organisations"("code");

-- CreateIndex
CREATE INDEX "metric_targets_organisation_id_metric_id_idx" ON "metric_targets"("organisation_id", "metric_id");

-- CreateIndex
CREATE UNIQUE INDEX "divisions_organisation_id_code_key" ON "divisions"("organisation_id", "code");

-- CreateIndex
CREATE INDEX "specialties_organisation_id_division_id_idx" ON "specialties"("organisation_id", "division_id");

-- CreateIndex
CREATE UNIQUE INDEX "specialties_organisation_id_code_key" ON "specialties"("organisation_id", "code");

-- CreateIndex
CREATE INDEX "consultants_organisation_id_specialty_id_idx" ON "consultants"("organisation_id", "specialty_id");

-- CreateIndex
CREATE INDEX "consultants_organisation_id_division_id_idx" ON "consultants"("organisation_id", "division_id");

-- CreateIndex
CREATE UNIQUE INDEX "consultants_organisation_id_gmc_number_key" ON "consultants"("organisation_id", "gmc_number");

-- CreateIndex
CREATE INDEX "job_plans_organisation_id_consultant_id_effective_from_idx" ON "job_plans"("organisation_id", "consultant_id", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "job_plans_organisation_id_source_job_plan_id_version_key" ON "job_plans"("organisation_id", "source_job_plan_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "job_plan_activities_organisation_id_job_plan_id_line_number_key" ON "job_plan_activities"("organisation_id", "job_plan_id", "line_number");

-- CreateIndex
CREATE INDEX "clinic_sessions_organisation_id_consultant_id_session_date_idx" ON "clinic_sessions"("organisation_id", "consultant_id", "session_date");

-- CreateIndex
CREATE INDEX "clinic_sessions_organisation_id_session_date_idx" ON "clinic_sessions"("organisation_id", "session_date");

-- CreateIndex
CREATE UNIQUE INDEX "clinic_sessions_organisation_id_source_session_id_key" ON "clinic_sessions"("organisation_id", "source_session_id");

-- CreateIndex
CREATE INDEX "theatre_lists_organisation_id_consultant_id_list_date_idx" ON "theatre_lists"("organisation_id", "consultant_id", "list_date");

-- CreateIndex
CREATE INDEX "theatre_lists_organisation_id_list_date_idx" ON "theatre_lists"("organisation_id", "list_date");

-- CreateIndex
CREATE UNIQUE INDEX "theatre_lists_organisation_id_source_list_id_key" ON "theatre_lists"("organisation_id", "source_list_id");

-- CreateIndex
CREATE INDEX "leave_organisation_id_consultant_id_start_date_idx" ON "leave"("organisation_id", "consultant_id", "start_date");

-- CreateIndex
CREATE UNIQUE INDEX "leave_organisation_id_source_key_key" ON "leave"("organisation_id", "source_key");

-- CreateIndex
CREATE UNIQUE INDEX "source_profiles_organisation_id_kind_name_key" ON "source_profiles"("organisation_id", "kind", "name");

-- CreateIndex
CREATE INDEX "import_batches_organisation_id_kind_started_at_idx" ON "import_batches"("organisation_id", "kind", "started_at");

-- CreateIndex
CREATE INDEX "import_batches_organisation_id_file_hash_idx" ON "import_batches"("organisation_id", "file_hash");

-- CreateIndex
CREATE INDEX "import_issues_organisation_id_batch_id_row_number_idx" ON "import_issues"("organisation_id", "batch_id", "row_number");

-- CreateIndex
CREATE UNIQUE INDEX "users_organisation_id_email_key" ON "users"("organisation_id", "email");

-- CreateIndex
CREATE INDEX "role_assignments_organisation_id_user_id_idx" ON "role_assignments"("organisation_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_organisation_id_token_hash_key" ON "api_tokens"("organisation_id", "token_hash");

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_occurred_at_idx" ON "audit_events"("organisation_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_events_organisation_id_action_occurred_at_idx" ON "audit_events"("organisation_id", "action", "occurred_at");

-- AddForeignKey
ALTER TABLE "trust_parameters" ADD CONSTRAINT "trust_parameters_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_targets" ADD CONSTRAINT "metric_targets_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialties" ADD CONSTRAINT "specialties_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialties" ADD CONSTRAINT "specialties_organisation_id_division_id_fkey" FOREIGN KEY ("organisation_id", "division_id") REFERENCES "divisions"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultants" ADD CONSTRAINT "consultants_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultants" ADD CONSTRAINT "consultants_organisation_id_specialty_id_fkey" FOREIGN KEY ("organisation_id", "specialty_id") REFERENCES "specialties"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultants" ADD CONSTRAINT "consultants_organisation_id_division_id_fkey" FOREIGN KEY ("organisation_id", "division_id") REFERENCES "divisions"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_plans" ADD CONSTRAINT "job_plans_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_plans" ADD CONSTRAINT "job_plans_organisation_id_consultant_id_fkey" FOREIGN KEY ("organisation_id", "consultant_id") REFERENCES "consultants"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_plan_activities" ADD CONSTRAINT "job_plan_activities_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_plan_activities" ADD CONSTRAINT "job_plan_activities_organisation_id_job_plan_id_fkey" FOREIGN KEY ("organisation_id", "job_plan_id") REFERENCES "job_plans"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "clinic_sessions" ADD CONSTRAINT "clinic_sessions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "theatre_lists" ADD CONSTRAINT "theatre_lists_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leave" ADD CONSTRAINT "leave_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_profiles" ADD CONSTRAINT "source_profiles_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_issues" ADD CONSTRAINT "import_issues_organisation_id_batch_id_fkey" FOREIGN KEY ("organisation_id", "batch_id") REFERENCES "import_batches"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_organisation_id_user_id_fkey" FOREIGN KEY ("organisation_id", "user_id") REFERENCES "users"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
