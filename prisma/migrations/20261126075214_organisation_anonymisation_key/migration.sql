-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "anonymisation_key" VARCHAR(64);
