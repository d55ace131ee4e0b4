import type { SqlSession } from '../ingest/sql-session';
import { type ConsultantSelection, consultantCondition, consultantParameter } from './consultant-filter';
import {
  LEDGER_AGGREGATE_COLUMNS,
  ledgerAggregateSelect,
  SETTLED_COLUMNS,
  settledSumsSelect,
} from './session-aggregates';
import type { DateRange } from './sessions';

/** A rollup of the ledger per consultant, category and calendar bucket (a month, or an ISO week). */
export interface LedgerRollup {
  table: string;
  /** The same summed per specialty and division group of consultants (settled per consultant first). */
  groupTable: string;
  /** The column holding the bucket's first day. */
  column: string;
  /** SQL: the first day of the bucket holding a date. */
  startOf(date: string): string;
  /** SQL: the length of a bucket. */
  step: string;
}

export const MONTHLY_ROLLUP: LedgerRollup = {
  table: 'ledger_monthly_sums',
  groupTable: 'ledger_monthly_group_sums',
  column: 'month',
  startOf: (date) => `date_trunc('month', (${date})::timestamp)::date`,
  step: `interval '1 month'`,
};

export const WEEKLY_ROLLUP: LedgerRollup = {
  table: 'ledger_weekly_sums',
  groupTable: 'ledger_weekly_group_sums',
  column: 'week',
  startOf: (date) => `((${date})::date - (extract(isodow FROM (${date})::date)::int - 1))`,
  step: `interval '7 days'`,
};

export const LEDGER_ROLLUPS = [MONTHLY_ROLLUP, WEEKLY_ROLLUP] as const;

/**
 * The plan's expectation per consultant, category and bucket, from the plan lines `pl` and the coverage `cv`:
 * fixed-slot lines' sessions a week × expected weeks, and annualised lines' count a year, each × the days of the
 * bucket (`b.first_day` … `b.last_day`) the line is in force and the extracts cover ÷ 365. The dashboards' queries
 * compute buckets the rollups do not hold with the same expressions.
 */
export const PLAN_EXPECTATION_DAYS = `LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, b.last_day)
             - GREATEST(pl.effective_from, cv.date_from, b.first_day) + 1`;
export const PLAN_EXPECTATION_SUMS = `sum(COALESCE(pl.sessions_per_week * pl.expected_weeks, 0) * d.days / 365.0) AS expected_gross_slots,
         sum(COALESCE(pl.annual_sessions, 0) * d.days / 365.0) AS annualised_expectation`;

/**
 * Recomputes a rollup for the selected consultants over the whole buckets that `dates` touches (all of them when
 * null), from the ledger and the plan lines as they now stand. A row exists where the consultant has ledger rows
 * or a plan line in force on a covered day of the bucket, as in the dashboards' queries.
 */
export async function rewriteRollup(
  session: SqlSession,
  rollup: LedgerRollup,
  organisationId: number,
  consultants: ConsultantSelection,
  dates: DateRange | null,
): Promise<number> {
  const range = dates ?? { from: '0001-01-01', to: '9999-12-31' };
  const parameters = [organisationId, consultantParameter(consultants), range.from, range.to];
  const first = rollup.startOf('$3::date');
  // The day after the last whole bucket.
  const end = `(${rollup.startOf('$4::date')} + ${rollup.step})::date`;
  await session.execute(
    `DELETE FROM ${rollup.table}
      WHERE organisation_id = $1 AND ${consultantCondition(consultants, 'consultant_id', 2)}
        AND ${rollup.column} >= ${first} AND ${rollup.column} < ${end}`,
    parameters,
  );
  return session.execute(
    `WITH sessions AS (
       SELECT l.consultant_id, l.category, ${rollup.startOf('l.session_date')} AS bucket,
              ${ledgerAggregateSelect('              ')}
         FROM ledger_sessions l
        WHERE l.organisation_id = $1 AND ${consultantCondition(consultants, 'l.consultant_id', 2)}
          AND l.session_date >= ${first} AND l.session_date < ${end}
        GROUP BY 1, 2, 3
     ),
     plans AS (
       SELECT pl.consultant_id, pl.category, b.first_day AS bucket,
              ${PLAN_EXPECTATION_SUMS}
         FROM ledger_plan_lines pl
         JOIN ledger_coverage cv ON cv.organisation_id = pl.organisation_id AND cv.category = pl.category
         -- the buckets the line is in force in, on covered days, within the range
         CROSS JOIN LATERAL (
           SELECT b::date AS first_day, (b + ${rollup.step})::date - 1 AS last_day
             FROM generate_series(
                    ${rollup.startOf(`GREATEST(pl.effective_from, cv.date_from, ${first})`)}::timestamp,
                    LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, ${end} - 1)::timestamp,
                    ${rollup.step}) AS b
         ) b
         CROSS JOIN LATERAL (SELECT ${PLAN_EXPECTATION_DAYS} AS days) d
        WHERE pl.organisation_id = $1 AND ${consultantCondition(consultants, 'pl.consultant_id', 2)} AND d.days > 0
        GROUP BY 1, 2, 3
     )
     INSERT INTO ${rollup.table} (organisation_id, consultant_id, category, ${rollup.column},
                                  ${LEDGER_AGGREGATE_COLUMNS.join(', ')}, expected_gross_slots, annualised_expectation)
     SELECT $1, COALESCE(s.consultant_id, p.consultant_id), COALESCE(s.category, p.category),
            COALESCE(s.bucket, p.bucket),
            ${LEDGER_AGGREGATE_COLUMNS.map((column) => `COALESCE(s.${column}, 0)`).join(', ')},
            COALESCE(p.expected_gross_slots, 0), COALESCE(p.annualised_expectation, 0)
       FROM sessions s
       FULL JOIN plans p ON p.consultant_id = s.consultant_id AND p.category = s.category AND p.bucket = s.bucket`,
    parameters,
  );
}

/**
 * Recomputes a rollup's group sums over the whole buckets that `dates` touches (all of them when null), for every
 * group of the organisation: the consultants' rows as the per-consultant rollup now holds them, grouped by the
 * specialty and division the consultants table gives them now. Every group, not only the refreshed consultants':
 * a consultant whose specialty or division changed (a consultants import, which refreshes them on every date)
 * must leave their old group too, and a few weeks of every group cost little.
 */
export async function rewriteGroupRollup(
  session: SqlSession,
  rollup: LedgerRollup,
  organisationId: number,
  dates: DateRange | null,
): Promise<number> {
  const range = dates ?? { from: '0001-01-01', to: '9999-12-31' };
  const parameters = [organisationId, range.from, range.to];
  const first = rollup.startOf('$2::date');
  const end = `(${rollup.startOf('$3::date')} + ${rollup.step})::date`;
  await session.execute(
    `DELETE FROM ${rollup.groupTable}
      WHERE organisation_id = $1 AND ${rollup.column} >= ${first} AND ${rollup.column} < ${end}`,
    parameters,
  );
  return session.execute(
    `INSERT INTO ${rollup.groupTable} (organisation_id, specialty_id, division_id, category, ${rollup.column},
                                       ${SETTLED_COLUMNS.join(', ')})
     SELECT $1, c.specialty_id, c.division_id, m.category, m.${rollup.column}, ${settledSumsSelect('m', 'sum')}
       FROM ${rollup.table} m
       JOIN consultants c ON c.organisation_id = m.organisation_id AND c.id = m.consultant_id
      WHERE m.organisation_id = $1 AND m.${rollup.column} >= ${first} AND m.${rollup.column} < ${end}
      GROUP BY c.specialty_id, c.division_id, m.category, m.${rollup.column}`,
    parameters,
  );
}

/** Rewrites every rollup for the selected consultants and dates, and the group sums over those dates. */
export async function rewriteRollups(
  session: SqlSession,
  organisationId: number,
  consultants: ConsultantSelection,
  dates: DateRange | null,
): Promise<void> {
  for (const rollup of LEDGER_ROLLUPS) {
    await rewriteRollup(session, rollup, organisationId, consultants, dates);
    await rewriteGroupRollup(session, rollup, organisationId, dates);
  }
}
