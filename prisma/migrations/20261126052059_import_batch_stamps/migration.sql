-- AlterTable
ALTER TABLE "consultants" ADD COLUMN     "import_batch_id" INTEGER;

-- AlterTable
ALTER TABLE "job_plan_activities" ADD COLUMN     "import_batch_id" INTEGER,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
