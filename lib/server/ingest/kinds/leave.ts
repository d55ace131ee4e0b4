import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { RowProblem } from '../row-validator';
import { STAGE_TABLE } from '../staging';
import type { ImportKindHandler } from './kind';
import {
  CONSULTANT_JOIN,
  findDuplicateKeys,
  findUnknownConsultants,
  MAX_ISSUES_PER_CHECK,
  replacePeriodFromStage,
} from './sql';

const format = IMPORT_FORMATS.leave;

/** Leave extracts rarely carry an id: a record is its consultant, dates, periods and type. */
const SOURCE_KEY =
  "concat_ws('|', s.gmc_number, s.start_date, s.end_date, s.start_period, s.end_period, s.leave_type)";

export const leave: ImportKindHandler = {
  format,

  checkRow(value) {
    const problems: RowProblem[] = [];
    const [start, end] = [value('start_date'), value('end_date')];
    if (start && end && end < start) {
      problems.push({
        column: 'end_date',
        value: end,
        message: `end_date ${end} is before start_date ${start}`,
      });
    }
    if (start === end && value('start_period') === 'PM' && value('end_period') === 'AM') {
      problems.push({
        column: 'end_period',
        value: 'AM',
        message: 'a one-day leave cannot start PM and end AM',
      });
    }
    return problems;
  },

  async findFileErrors(session) {
    // Omitted half-day flags mean a full day; settle that before comparing records.
    await session.query(
      `UPDATE ${STAGE_TABLE} SET start_period = coalesce(start_period, 'FULL'), end_period = coalesce(end_period, 'FULL')`,
    );
    return findDuplicateKeys(session, format.naturalKey);
  },

  async merge(session, context) {
    return replacePeriodFromStage(session, context, {
      table: 'leave',
      conflictColumns: ['source_key'],
      from: CONSULTANT_JOIN,
      dateColumn: 'start_date',
      stageKey: SOURCE_KEY,
      values: {
        source_key: SOURCE_KEY,
        gmc_number: 's.gmc_number',
        consultant_id: 'c.id',
        start_date: 's.start_date',
        end_date: 's.end_date',
        start_period: 's.start_period::leave_period',
        end_period: 's.end_period::leave_period',
        leave_type: 's.leave_type::leave_type',
        requested_on: 's.requested_on',
        approved_on: 's.approved_on',
      },
    });
  },

  async findWarnings(session, context) {
    const overlaps = await session.query<{ row_number: number; other_row: number; gmc_number: string }>(
      `SELECT b.row_number, a.row_number AS other_row, a.gmc_number
       FROM ${STAGE_TABLE} a
       JOIN ${STAGE_TABLE} b ON b.gmc_number = a.gmc_number AND b.row_number > a.row_number
        AND b.start_date <= a.end_date AND a.start_date <= b.end_date
        -- Touching on one day is not an overlap when one leave ends AM and the other starts PM.
        AND NOT (a.end_date = b.start_date AND a.end_period = 'AM' AND b.start_period = 'PM')
        AND NOT (b.end_date = a.start_date AND b.end_period = 'AM' AND a.start_period = 'PM')
       ORDER BY b.row_number LIMIT ${MAX_ISSUES_PER_CHECK}`,
    );
    return [
      ...(await findUnknownConsultants(session, context)),
      ...overlaps.map((overlap) => ({
        rowNumber: overlap.row_number,
        column: 'start_date',
        value: overlap.gmc_number,
        message: `overlaps the leave in row ${overlap.other_row} for the same consultant`,
      })),
    ];
  },
};
