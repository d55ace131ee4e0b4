-- CreateTable
CREATE TABLE "clinic_appointments" (
    "organisation_id" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "source_appointment_id" VARCHAR(64) NOT NULL,
    "clinic_code" VARCHAR(32) NOT NULL,
    "session_date" DATE NOT NULL,
    "period" "session_period" NOT NULL,
    "gmc_number" VARCHAR(16) NOT NULL,
    "consultant_id" INTEGER,
    "specialty_code" VARCHAR(10) NOT NULL,
    "attendance_code" SMALLINT NOT NULL,
    "first_attendance" SMALLINT,
    "import_batch_id" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_appointments_pkey" PRIMARY KEY ("organisation_id","id")
);

-- CreateIndex
CREATE INDEX "clinic_appointments_organisation_id_session_date_idx" ON "clinic_appointments"("organisation_id", "session_date");

-- CreateIndex
CREATE UNIQUE INDEX "clinic_appointments_organisation_id_source_appointment_id_key" ON "clinic_appointments"("organisation_id", "source_appointment_id");

-- AddForeignKey
ALTER TABLE "clinic_appointments" ADD CONSTRAINT "clinic_appointments_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
