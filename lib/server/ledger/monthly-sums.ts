import type { SqlSession } from '../ingest/sql-session';
import { type ConsultantSelection, consultantCondition, consultantParameter } from './consultant-filter';
import { LEDGER_AGGREGATE_COLUMNS, ledgerAggregateSelect } from './session-aggregates';
import type { DateRange } from './sessions';

/**
 * Recomputes the monthly rollup for the selected consultants over the calendar months that `dates` touches (all
 * months when null), from the ledger as it now stands.
 */
export async function rewriteMonthlySums(
  session: SqlSession,
  organisationId: number,
  consultants: ConsultantSelection,
  dates: DateRange | null,
): Promise<number> {
  const range = dates ?? { from: '0001-01-01', to: '9999-12-31' };
  const parameters = [organisationId, consultantParameter(consultants), range.from, range.to];
  // Whole months: from the first of the month of `from` to the last day of the month of `to`.
  const months = `session_date >= date_trunc('month', $3::date::timestamp)::date
              AND session_date < (date_trunc('month', $4::date::timestamp) + interval '1 month')::date`;
  await session.execute(
    `DELETE FROM ledger_monthly_sums
      WHERE organisation_id = $1 AND ${consultantCondition(consultants, 'consultant_id', 2)}
        AND month >= date_trunc('month', $3::date::timestamp)::date
        AND month <= date_trunc('month', $4::date::timestamp)::date`,
    parameters,
  );
  return session.execute(
    `INSERT INTO ledger_monthly_sums (organisation_id, consultant_id, category, month,
                                      ${LEDGER_AGGREGATE_COLUMNS.join(', ')})
     SELECT $1, l.consultant_id, l.category, date_trunc('month', l.session_date::timestamp)::date,
            ${ledgerAggregateSelect()}
       FROM ledger_sessions l
      WHERE l.organisation_id = $1 AND ${consultantCondition(consultants, 'l.consultant_id', 2)}
        AND l.${months}
      GROUP BY l.consultant_id, l.category, date_trunc('month', l.session_date::timestamp)::date`,
    parameters,
  );
}
