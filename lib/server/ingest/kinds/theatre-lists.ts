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

const format = IMPORT_FORMATS['theatre-lists'];

export const theatreLists: ImportKindHandler = {
  format,

  checkRow: (value) => [
    ...checkCancelReason(value, 'list'),
    ...checkEndAfterStart(value, 'planned_start', 'planned_end'),
    ...checkEndAfterStart(value, 'actual_start', 'actual_end'),
  ],

  findFileErrors: (session) => findDuplicateKeys(session, format.naturalKey),

  async merge(session, context) {
    return replacePeriodFromStage(session, context, {
      table: 'theatre_lists',
      conflictColumns: ['source_list_id'],
      from: CONSULTANT_JOIN,
      dateColumn: 'list_date',
      stageKey: 's.list_id',
      values: {
        source_list_id: 's.list_id',
        theatre_code: 's.theatre_code',
        list_date: 's.list_date',
        period: 's.period::session_period',
        planned_start: 's.planned_start',
        planned_end: 's.planned_end',
        gmc_number: 's.gmc_number',
        consultant_id: 'c.id',
        specialty_code: 's.specialty_code',
        list_type: 's.list_type::list_type',
        status: 's.status::session_status',
        cancel_reason: 's.cancel_reason',
        cancelled_on: 's.cancelled_on',
        actual_start: 's.actual_start',
        actual_end: 's.actual_end',
        cases_booked: 's.cases_booked',
        cases_done: 's.cases_done',
        touch_minutes: 's.touch_minutes',
        is_additional: 's.additional',
      },
    });
  },

  async findWarnings(session, context) {
    return [
      ...(await findUnknownConsultants(session, context)),
      ...(await findRows(session, 's.cases_done > s.cases_booked', {
        column: 'cases_done',
        value: 's.cases_done',
        message: 'more cases were done than were booked',
      })),
      ...(await findRows(session, "s.status = 'held' AND s.cases_done = 0", {
        column: 'cases_done',
        value: 's.cases_done',
        message: 'the list was held but no case was done',
      })),
      ...(await findRows(session, "s.status = 'held' AND (s.actual_start IS NULL OR s.actual_end IS NULL)", {
        column: 'actual_start',
        value: "coalesce(s.actual_start::text, '')",
        message:
          'the list was held but its actual start or end time is missing (utilisation cannot be measured)',
      })),
    ];
  },
};
