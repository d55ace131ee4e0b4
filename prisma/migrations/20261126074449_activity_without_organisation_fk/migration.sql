-- DropForeignKey
ALTER TABLE "clinic_sessions" DROP CONSTRAINT "clinic_sessions_organisation_id_fkey";

-- DropForeignKey
ALTER TABLE "clinic_appointments" DROP CONSTRAINT "clinic_appointments_organisation_id_fkey";

-- DropForeignKey
ALTER TABLE "theatre_lists" DROP CONSTRAINT "theatre_lists_organisation_id_fkey";
