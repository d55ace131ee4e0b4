import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { SqlSession } from '../sql-session';
import type { ImportKindHandler, MergeContext } from './kind';
import { CONSULTANT_JOIN, findDuplicateKeys, findUnknownConsultants, replacePeriodFromStage } from './sql';

const format = IMPORT_FORMATS['clinic-appointments'];

/** Sessions made from appointments carry an id of their own: one per clinic, date, period and consultant. */
const DERIVED_SESSION_ID =
  "'APPT:' || a.clinic_code || ':' || a.session_date || ':' || a.period || ':' || a.gmc_number";
const DERIVED_PREFIX = 'APPT:%';

/**
 * Recalculates every session made from appointments in the file's period, from all the appointments now stored
 * there (so that an appointment moved or removed is reflected), and removes sessions left with none.
 */
async function rebuildSessionsFromAppointments(session: SqlSession, context: MergeContext): Promise<void> {
  if (!context.period) return;
  const parameters = [context.organisationId, context.batchId, context.period.from, context.period.to];
  await session.query(
    `INSERT INTO clinic_sessions (organisation_id, source_session_id, clinic_code, session_date, period, gmc_number,
       consultant_id, specialty_code, status, cancel_reason, booked, attended, dna, late_not_seen, patient_cancelled,
       hospital_cancelled, first_attendances, follow_up_attendances, is_additional, import_batch_id, updated_at)
     SELECT $1::int, ${DERIVED_SESSION_ID}, a.clinic_code, a.session_date, a.period, a.gmc_number,
            min(a.consultant_id), min(a.specialty_code),
            CASE WHEN count(*) FILTER (WHERE a.attendance_code <> 4) = 0 THEN 'cancelled' ELSE 'held' END::session_status,
            CASE WHEN count(*) FILTER (WHERE a.attendance_code <> 4) = 0
                 THEN 'All appointments cancelled by the hospital' END,
            count(*), count(*) FILTER (WHERE a.attendance_code IN (5, 6)), count(*) FILTER (WHERE a.attendance_code = 3),
            count(*) FILTER (WHERE a.attendance_code = 7), count(*) FILTER (WHERE a.attendance_code = 2),
            count(*) FILTER (WHERE a.attendance_code = 4),
            count(*) FILTER (WHERE a.attendance_code IN (5, 6) AND a.first_attendance IN (1, 3)),
            count(*) FILTER (WHERE a.attendance_code IN (5, 6) AND a.first_attendance IN (2, 4)),
            false, $2::int, now()
     FROM clinic_appointments a
     WHERE a.organisation_id = $1 AND a.session_date BETWEEN $3::date AND $4::date
     GROUP BY a.clinic_code, a.session_date, a.period, a.gmc_number
     ON CONFLICT (organisation_id, source_session_id) DO UPDATE SET
       consultant_id = EXCLUDED.consultant_id, specialty_code = EXCLUDED.specialty_code, status = EXCLUDED.status,
       cancel_reason = EXCLUDED.cancel_reason, booked = EXCLUDED.booked, attended = EXCLUDED.attended,
       dna = EXCLUDED.dna, late_not_seen = EXCLUDED.late_not_seen, patient_cancelled = EXCLUDED.patient_cancelled,
       hospital_cancelled = EXCLUDED.hospital_cancelled, first_attendances = EXCLUDED.first_attendances,
       follow_up_attendances = EXCLUDED.follow_up_attendances, import_batch_id = EXCLUDED.import_batch_id,
       updated_at = now()
     WHERE (clinic_sessions.consultant_id, clinic_sessions.specialty_code, clinic_sessions.status,
            clinic_sessions.booked, clinic_sessions.attended, clinic_sessions.dna, clinic_sessions.late_not_seen,
            clinic_sessions.patient_cancelled, clinic_sessions.hospital_cancelled,
            clinic_sessions.first_attendances, clinic_sessions.follow_up_attendances)
       IS DISTINCT FROM (EXCLUDED.consultant_id, EXCLUDED.specialty_code, EXCLUDED.status, EXCLUDED.booked,
            EXCLUDED.attended, EXCLUDED.dna, EXCLUDED.late_not_seen, EXCLUDED.patient_cancelled,
            EXCLUDED.hospital_cancelled, EXCLUDED.first_attendances, EXCLUDED.follow_up_attendances)`,
    parameters,
  );
  await session.query(
    `DELETE FROM clinic_sessions s
     WHERE s.organisation_id = $1 AND s.session_date BETWEEN $2::date AND $3::date
       AND s.source_session_id LIKE '${DERIVED_PREFIX}'
       AND NOT EXISTS (SELECT 1 FROM clinic_appointments a
                       WHERE a.organisation_id = $1 AND ${DERIVED_SESSION_ID} = s.source_session_id)`,
    [context.organisationId, context.period.from, context.period.to],
  );
}

export const clinicAppointments: ImportKindHandler = {
  format,

  findFileErrors: (session) => findDuplicateKeys(session, format.naturalKey),

  async merge(session, context) {
    const { deleted, ...counts } = await replacePeriodFromStage(session, context, {
      table: 'clinic_appointments',
      conflictColumns: ['source_appointment_id'],
      from: CONSULTANT_JOIN,
      dateColumn: 'session_date',
      stageKey: 's.appointment_id',
      values: {
        source_appointment_id: 's.appointment_id',
        clinic_code: 's.clinic_code',
        session_date: 's.session_date',
        period: 's.period::session_period',
        gmc_number: 's.gmc_number',
        consultant_id: 'c.id',
        specialty_code: 's.specialty_code',
        attendance_code: 's.attendance_code::smallint',
        first_attendance: 's.first_attendance::smallint',
      },
    });
    if (counts.inserted + counts.updated + deleted > 0)
      await rebuildSessionsFromAppointments(session, context);
    return { ...counts, deleted };
  },

  findWarnings: (session, context) => findUnknownConsultants(session, context),
};
