import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { ImportKindHandler } from './kind';
import { checkCancelReason, checkEndAfterStart } from './row-checks';
import {
  CONSULTANT_JOIN,
  findDuplicateKeys,
  findRows,
  findUnknownConsultants,
  replacePeriodFromStage,
} from './sql';

const format = IMPORT_FORMATS['clinic-sessions'];

export const clinicSessions: ImportKindHandler = {
  format,

  checkRow(value) {
    const problems = [
      ...checkCancelReason(value, 'session'),
      ...checkEndAfterStart(value, 'planned_start', 'planned_end'),
    ];
    const attended = Number(value('attended'));
    const split = Number(value('first_attendances')) + Number(value('follow_up_attendances'));
    if (split !== attended) {
      problems.push({
        column: 'attended',
        value: String(attended),
        message: `first_attendances + follow_up_attendances (${split}) must equal attended (${attended})`,
      });
    }
    return problems;
  },

  findFileErrors: (session) => findDuplicateKeys(session, format.naturalKey),

  async merge(session, context) {
    return replacePeriodFromStage(session, context, {
      table: 'clinic_sessions',
      conflictColumns: ['source_session_id'],
      from: CONSULTANT_JOIN,
      dateColumn: 'session_date',
      stageKey: 's.session_id',
      values: {
        source_session_id: 's.session_id',
        clinic_code: 's.clinic_code',
        session_date: 's.session_date',
        period: 's.period::session_period',
        planned_start: 's.planned_start',
        planned_end: 's.planned_end',
        gmc_number: 's.gmc_number',
        consultant_id: 'c.id',
        specialty_code: 's.specialty_code',
        status: 's.status::session_status',
        cancel_reason: 's.cancel_reason',
        cancelled_on: 's.cancelled_on',
        slots_new: 's.slots_new',
        slots_follow_up: 's.slots_fu',
        booked: 's.booked',
        attended: 's.attended',
        dna: 's.dna',
        late_not_seen: 's.late_not_seen',
        patient_cancelled: 's.patient_cancelled',
        hospital_cancelled: 's.hospital_cancelled',
        first_attendances: 's.first_attendances',
        follow_up_attendances: 's.follow_up_attendances',
        is_additional: 's.additional',
      },
    });
  },

  async findWarnings(session, context) {
    return [
      ...(await findUnknownConsultants(session, context)),
      ...(await findRows(session, 's.attended > s.booked', {
        column: 'attended',
        value: 's.attended',
        message: 'more patients attended than were booked',
      })),
      ...(await findRows(session, "s.status = 'held' AND s.attended = 0", {
        column: 'attended',
        value: 's.attended',
        message: 'the session was held but no patient attended',
      })),
    ];
  },
};
