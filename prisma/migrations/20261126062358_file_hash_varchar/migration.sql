-- AlterTable
ALTER TABLE "import_batches" ALTER COLUMN "file_hash" SET DATA TYPE VARCHAR(64);
