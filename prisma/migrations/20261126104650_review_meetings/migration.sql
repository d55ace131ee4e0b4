-- CreateEnum
CREATE TYPE "review_unit_level" AS ENUM ('specialty', 'division');

-- CreateEnum
CREATE TYPE "review_meeting_status" AS ENUM ('in_progress', 'closed');

-- CreateEnum
CREATE TYPE "annotation_visibility" AS ENUM ('shared', 'private');

-- CreateEnum
CREATE TYPE "challenge_status" AS ENUM ('open', 'accepted', 'explained');

-- CreateEnum
CREATE TYPE "action_status" AS ENUM ('open', 'in_progress', 'done', 'dropped');

-- AlterTable
ALTER TABLE "trust_parameters" ADD COLUMN     "action_escalation_days" INTEGER NOT NULL DEFAULT 28,
ADD COLUMN     "review_fulfilment_below" DECIMAL(5,4) NOT NULL DEFAULT 0.80,
ADD COLUMN     "review_months" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "review_total_delivery_above" DECIMAL(5,4) NOT NULL DEFAULT 1.10;

-- CreateTable
CREATE TABLE "review_meetings" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "unit_level" "review_unit_level" NOT NULL,
    "specialty_id" INTEGER,
    "division_id" INTEGER NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "activity" "activity_category" NOT NULL,
    "status" "review_meeting_status" NOT NULL DEFAULT 'in_progress',
    "started_by_user_id" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "review_meetings_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "review_snapshots" (
    "organisation_id" INTEGER NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "format_version" INTEGER NOT NULL DEFAULT 1,
    "agenda" JSONB NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_snapshots_pkey" PRIMARY KEY ("organisation_id","meeting_id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "session_date" DATE,
    "session_period" "session_period",
    "week_start" DATE,
    "metric_id" VARCHAR(64),
    "text" TEXT NOT NULL,
    "author_user_id" INTEGER NOT NULL,
    "visibility" "annotation_visibility" NOT NULL DEFAULT 'shared',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "challenges" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "consultant_id" INTEGER NOT NULL,
    "session_date" DATE,
    "session_period" "session_period",
    "week_start" DATE,
    "metric_id" VARCHAR(64),
    "shown_value" TEXT,
    "reason" TEXT NOT NULL,
    "raised_by_user_id" INTEGER NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "challenge_status" NOT NULL DEFAULT 'open',
    "resolution" TEXT,
    "correction_note" TEXT,
    "resolved_by_user_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "challenges_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "actions" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "owner_user_id" INTEGER NOT NULL,
    "due_on" DATE,
    "status" "action_status" NOT NULL DEFAULT 'open',
    "division_id" INTEGER NOT NULL,
    "specialty_id" INTEGER,
    "consultant_id" INTEGER,
    "metric_id" VARCHAR(64),
    "meeting_id" INTEGER,
    "created_by_user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "actions_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateTable
CREATE TABLE "action_events" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "action_id" INTEGER NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "changes" JSONB,
    "note" TEXT,
    "actor_user_id" INTEGER,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_events_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateIndex
CREATE INDEX "review_meetings_organisation_id_specialty_id_started_at_idx" ON "review_meetings"("organisation_id", "specialty_id", "started_at");

-- CreateIndex
CREATE INDEX "review_meetings_organisation_id_division_id_started_at_idx" ON "review_meetings"("organisation_id", "division_id", "started_at");

-- CreateIndex
CREATE INDEX "annotations_organisation_id_consultant_id_session_date_idx" ON "annotations"("organisation_id", "consultant_id", "session_date");

-- CreateIndex
CREATE INDEX "challenges_organisation_id_status_raised_at_idx" ON "challenges"("organisation_id", "status", "raised_at");

-- CreateIndex
CREATE INDEX "challenges_organisation_id_consultant_id_session_date_idx" ON "challenges"("organisation_id", "consultant_id", "session_date");

-- CreateIndex
CREATE INDEX "actions_organisation_id_owner_user_id_status_idx" ON "actions"("organisation_id", "owner_user_id", "status");

-- CreateIndex
CREATE INDEX "actions_organisation_id_division_id_specialty_id_created_at_idx" ON "actions"("organisation_id", "division_id", "specialty_id", "created_at");

-- CreateIndex
CREATE INDEX "actions_organisation_id_meeting_id_idx" ON "actions"("organisation_id", "meeting_id");

-- CreateIndex
CREATE INDEX "action_events_organisation_id_action_id_occurred_at_idx" ON "action_events"("organisation_id", "action_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_organisation_id_specialty_id_fkey" FOREIGN KEY ("organisation_id", "specialty_id") REFERENCES "specialties"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_organisation_id_division_id_fkey" FOREIGN KEY ("organisation_id", "division_id") REFERENCES "divisions"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_snapshots" ADD CONSTRAINT "review_snapshots_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_snapshots" ADD CONSTRAINT "review_snapshots_organisation_id_meeting_id_fkey" FOREIGN KEY ("organisation_id", "meeting_id") REFERENCES "review_meetings"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_organisation_id_consultant_id_fkey" FOREIGN KEY ("organisation_id", "consultant_id") REFERENCES "consultants"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_consultant_id_fkey" FOREIGN KEY ("organisation_id", "consultant_id") REFERENCES "consultants"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_division_id_fkey" FOREIGN KEY ("organisation_id", "division_id") REFERENCES "divisions"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_specialty_id_fkey" FOREIGN KEY ("organisation_id", "specialty_id") REFERENCES "specialties"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_consultant_id_fkey" FOREIGN KEY ("organisation_id", "consultant_id") REFERENCES "consultants"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_meeting_id_fkey" FOREIGN KEY ("organisation_id", "meeting_id") REFERENCES "review_meetings"("organisation_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_organisation_id_action_id_fkey" FOREIGN KEY ("organisation_id", "action_id") REFERENCES "actions"("organisation_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
