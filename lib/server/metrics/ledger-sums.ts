import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import {
  MONTHLY_ROLLUP,
  PLAN_EXPECTATION_DAYS,
  PLAN_EXPECTATION_SUMS,
  WEEKLY_ROLLUP,
} from '../ledger/rollups';
import {
  LEDGER_AGGREGATE_COLUMNS,
  ledgerAggregateSelect,
  settledSumsSelect,
} from '../ledger/session-aggregates';
import { type ActivityFilter, dayNumber, isoFromDayNumber, type Period } from './period';
import { queryRows, SqlParams } from './query';
import { consultantScopeCondition, UNIT_ID_COLUMN, type UnitFilter, type UnitLevel } from './scope-sql';

/** Sums over the ledger for one unit, category and time bucket: everything the metrics are ratios of. */
export interface LedgerSums {
  planned: number;
  deliveredSlots: number;
  /** Unplanned held sessions credited to annualised lines (per consultant: up to their pro-rata expectation). */
  annualisedCredit: number;
  leaveAdequateNotice: number;
  leaveShortNotice: number;
  sickness: number;
  hospitalCancelled: number;
  notScheduled: number;
  unmatchedHeld: number;
  annualisedExpectation: number;
  expectedGrossSlots: number;
  patients: number;
  /** Patients attended at clinics: the numerator of slot utilisation and the DNA rate's denominator. */
  clinicPatients: number;
  slots: number;
  booked: number;
  dna: number;
  lateNotSeen: number;
  heldPlannedMinutes: number;
  touchMinutes: number;
  touchMinutesCapped: number;
  utilisationPlannedMinutes: number;
  timedStarts: number;
  lateStartMinutes: number;
  lateStarts15: number;
  lateStarts30: number;
  timedFinishes: number;
  earlyFinishMinutes: number;
  earlyFinishes15: number;
  earlyFinishes30: number;
}

export interface LedgerSumsRow extends LedgerSums {
  unitId: number;
  category: 'clinic' | 'list';
  /** First day of the bucket (the period's start when not bucketed). */
  bucket: string;
}

export type Bucket = 'period' | 'week' | 'month';

export interface LedgerSumsRequest {
  level: UnitLevel;
  period: Period;
  activity: ActivityFilter;
  bucket: Bucket;
  unit?: UnitFilter;
  /** Whose visibility rule selects the consultants (default `level`): per-consultant sums behind a specialty
   * report read every consultant of the specialties the caller may see totals of. */
  scopeLevel?: UnitLevel;
}

const SUM_COLUMNS: readonly (keyof LedgerSums)[] = [
  'planned',
  'deliveredSlots',
  'annualisedCredit',
  'leaveAdequateNotice',
  'leaveShortNotice',
  'sickness',
  'hospitalCancelled',
  'notScheduled',
  'unmatchedHeld',
  'annualisedExpectation',
  'expectedGrossSlots',
  'patients',
  'clinicPatients',
  'slots',
  'booked',
  'dna',
  'lateNotSeen',
  'heldPlannedMinutes',
  'touchMinutes',
  'touchMinutesCapped',
  'utilisationPlannedMinutes',
  'timedStarts',
  'lateStartMinutes',
  'lateStarts15',
  'lateStarts30',
  'timedFinishes',
  'earlyFinishMinutes',
  'earlyFinishes15',
  'earlyFinishes30',
];

const snake = (name: string) => name.replace(/[A-Z0-9]+/g, (part) => `_${part.toLowerCase()}`);

function bucketOf(bucket: Bucket, dateColumn: string, from: string): string {
  switch (bucket) {
    case 'period':
      return `${from}::date`;
    case 'week':
      return `(${dateColumn} - (extract(isodow FROM ${dateColumn})::int - 1))`;
    case 'month':
      return `date_trunc('month', ${dateColumn}::timestamp)::date`;
  }
}

/** The buckets of a period as [bucket, first day, last day] rows, each clipped to the period. */
function bucketsSql(bucket: Bucket, from: string, to: string): string {
  if (bucket === 'period')
    return `SELECT ${from}::date AS bucket, ${from}::date AS first_day, ${to}::date AS last_day`;
  const step = bucket === 'week' ? `interval '7 days'` : `interval '1 month'`;
  const start = bucketOf(bucket, `${from}::date`, from);
  return `SELECT b::date AS bucket, GREATEST(b::date, ${from}::date) AS first_day,
                 LEAST((b + ${step})::date - 1, ${to}::date) AS last_day
            FROM generate_series(${start}::timestamp, ${to}::date::timestamp, ${step}) AS b`;
}

/**
 * Sums the ledger per unit, category and bucket for the consultants in scope. Annualised credit is settled per
 * consultant, category and bucket (held unplanned sessions, up to the lines' pro-rata expectation) before
 * summing up to the unit, as the metric dictionary requires.
 */
export async function getLedgerSums(
  database: Database,
  scope: Scope,
  request: LedgerSumsRequest,
): Promise<LedgerSumsRow[]> {
  const params = new SqlParams();
  const inScope = consultantScopeCondition(scope, params, request.scopeLevel ?? request.level, request.unit);
  const org = params.add(scope.organisationId, 'int');
  const from = params.add(request.period.from, 'date');
  const to = params.add(request.period.to, 'date');
  // Whole weeks (weekly buckets) or whole calendar months (otherwise) inside the period are read from the rollup,
  // the days around them from the ledger. Plan expectations come with the rollup's whole buckets; a period's own
  // (which may hold part-months) and the edge buckets' are computed from the plan lines.
  const rollup = request.bucket === 'week' ? WEEKLY_ROLLUP : MONTHLY_ROLLUP;
  const whole = request.bucket === 'week' ? wholeWeeksOf(request.period) : wholeMonthsOf(request.period);
  const wholeFrom = params.add(whole?.from ?? '9999-12-31', 'date');
  const wholeTo = params.add(whole?.to ?? '0001-01-01', 'date');
  const plansFromRollup = request.bucket !== 'period';
  // Unit totals of whole weeks or months come summed per specialty and division group (the group rollups), a few
  // rows a bucket instead of one per consultant, whenever the consultants in scope are whole groups: every
  // visibility rule above consultant level is a set of specialties and divisions. Over a whole period the credit
  // is settled per consultant over the period, so those read per consultant.
  const fromGroups =
    plansFromRollup &&
    request.level !== 'consultant' &&
    (request.scopeLevel ?? request.level) !== 'consultant' &&
    request.unit?.level !== 'consultant';
  const category =
    request.activity === 'all' ? 'TRUE' : `category = ${params.add(request.activity, 'activity_category')}`;
  const sums = SUM_COLUMNS.map((column) => `sum(${snake(column)})::float8 AS "${column}"`).join(', ');
  const columns = SUM_COLUMNS.map((column) => `${snake(column)}::float8 AS "${column}"`).join(', ');
  const nulls = LEDGER_AGGREGATE_COLUMNS.map(() => 'NULL::float8').join(', ');
  // For one unit's consultants, their ids as an index condition on the ledger and the rollups too (a join to the
  // CTE alone reads every consultant's rows for the dates, then drops most of them); for the whole trust, reading
  // the dates' rows and joining is the cheaper way. The rollup is filtered with IN (a semi-join), so that the
  // planner hashes the few consultants rather than the rollup's wide rows.
  const narrowed = request.unit !== undefined && request.unit.level !== 'trust';
  const onlyScoped = (column: string) =>
    narrowed ? `AND ${column} = ANY(ARRAY(SELECT id FROM scoped))` : '';

  const sql = `
WITH scoped AS (
  SELECT c.id FROM consultants c WHERE ${inScope}
),
coverage AS (
  SELECT category, date_from, date_to FROM ledger_coverage WHERE organisation_id = ${org} AND ${category}
),
buckets AS (
  SELECT * FROM (${bucketsSql(request.bucket, from, to)}) b
   WHERE ${plansFromRollup ? `NOT (b.first_day >= ${wholeFrom} AND b.last_day <= ${wholeTo})` : 'TRUE'}
),
sessions_edges AS (
  SELECT l.consultant_id, l.category, ${bucketOf(request.bucket, 'l.session_date', from)} AS bucket,
         ${ledgerAggregateSelect()},
         NULL::float8 AS expected_gross_slots, NULL::float8 AS annualised_expectation
    FROM ledger_sessions l
    JOIN scoped s ON s.id = l.consultant_id
   WHERE l.organisation_id = ${org} AND l.session_date BETWEEN ${from} AND ${to} AND ${category}
     AND l.session_date NOT BETWEEN ${wholeFrom} AND ${wholeTo} ${onlyScoped('l.consultant_id')}
   GROUP BY 1, 2, 3
),
${
  fromGroups
    ? ''
    : `sessions_rollup AS (
  SELECT m.consultant_id, m.category, ${bucketOf(request.bucket, `m.${rollup.column}`, from)} AS bucket,
         ${LEDGER_AGGREGATE_COLUMNS.map((column) => `m.${column}`).join(', ')},
         ${plansFromRollup ? 'm.expected_gross_slots, m.annualised_expectation' : 'NULL::float8, NULL::float8'}
    FROM ${rollup.table} m
   WHERE m.consultant_id IN (SELECT id FROM scoped)
     AND m.organisation_id = ${org} AND m.${rollup.column} BETWEEN ${wholeFrom} AND ${wholeTo} AND ${category}
     ${onlyScoped('m.consultant_id')}
),`
}
plans AS (
  SELECT pl.consultant_id, pl.category, b.bucket, ${nulls},
         ${PLAN_EXPECTATION_SUMS}
    FROM ledger_plan_lines pl
    JOIN scoped s ON s.id = pl.consultant_id
    JOIN coverage cv ON cv.category = pl.category
    CROSS JOIN buckets b
    CROSS JOIN LATERAL (SELECT ${PLAN_EXPECTATION_DAYS} AS days) d
   WHERE pl.organisation_id = ${org} AND d.days > 0
   GROUP BY 1, 2, 3
),
merged AS (
  SELECT consultant_id, category, bucket,
         ${[...LEDGER_AGGREGATE_COLUMNS, 'expected_gross_slots', 'annualised_expectation'].map((column) => `sum(${column}) AS ${column}`).join(', ')}
    FROM (SELECT * FROM sessions_edges UNION ALL SELECT * FROM plans
          ${plansFromRollup ? '' : 'UNION ALL SELECT * FROM sessions_rollup'}) u
   GROUP BY 1, 2, 3
),
-- A whole week or month is one rollup row per consultant and category, with nothing to add to it.
sessions AS (
  SELECT * FROM merged ${plansFromRollup && !fromGroups ? 'UNION ALL SELECT * FROM sessions_rollup' : ''}
),
per_consultant AS (
  SELECT s.consultant_id, s.category, s.bucket, ${settledSumsSelect('s')}
    FROM sessions s
)
${
  request.level === 'consultant'
    ? // one row per consultant, category and bucket already: nothing to sum up
      `SELECT pc.consultant_id AS "unitId", pc.category::text AS category,
              to_char(pc.bucket, 'YYYY-MM-DD') AS bucket, ${columns}
         FROM per_consultant pc
        ORDER BY pc.consultant_id, pc.category, pc.bucket`
    : // Units from the consultants table, not the CTE: the planner knows a consultant is one row there, so it
      // expects a few groups and hashes them; through the CTE it expected a group per row and sorted them all.
      `SELECT ${UNIT_ID_COLUMN[request.level]} AS "unitId", pc.category::text AS category,
              to_char(pc.bucket, 'YYYY-MM-DD') AS bucket, ${sums}
         FROM per_consultant pc
         JOIN consultants c ON c.organisation_id = ${org} AND c.id = pc.consultant_id
        GROUP BY 1, pc.category, pc.bucket
       ${
         fromGroups
           ? // The whole buckets: the groups' rows, under the same visibility condition (on their specialty and
             // division, as on a consultant's).
             `UNION ALL
       SELECT ${UNIT_ID_COLUMN[request.level]}, c.category::text, to_char(c.${rollup.column}, 'YYYY-MM-DD'), ${sums}
         FROM ${rollup.groupTable} c
        WHERE ${inScope} AND c.${rollup.column} BETWEEN ${wholeFrom} AND ${wholeTo} AND ${category}
        GROUP BY 1, c.category, c.${rollup.column}`
           : ''
       }
        ORDER BY 1, 2, 3`
}`;
  const rows = await queryRows<LedgerSumsRow>(database, sql, params.values);
  for (const row of rows) {
    for (const column of SUM_COLUMNS) row[column] = row[column] ?? 0;
  }
  return rows;
}

/** The first Monday and last Sunday of the whole ISO weeks inside a period, or null if it holds none. */
export function wholeWeeksOf(period: Period): Period | null {
  // Day 0 (1970-01-01) was a Thursday: weekday 3 counting Monday as 0.
  const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const first = from + ((7 - weekday(from)) % 7);
  const last = to - ((weekday(to) + 1) % 7);
  return first <= last ? { from: isoFromDayNumber(first), to: isoFromDayNumber(last) } : null;
}

/** The first and last day of the whole calendar months inside a period, or null if it holds none. */
export function wholeMonthsOf(period: Period): Period | null {
  const first = period.from.endsWith('-01') ? period.from : firstOfNextMonth(period.from);
  const nextDay = isoFromDayNumber(dayNumber(period.to) + 1);
  const last = nextDay.endsWith('-01')
    ? period.to
    : isoFromDayNumber(dayNumber(`${period.to.slice(0, 7)}-01`) - 1);
  return first <= last ? { from: first, to: last } : null;
}

function firstOfNextMonth(iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function emptySums(): LedgerSums {
  return Object.fromEntries(SUM_COLUMNS.map((column) => [column, 0])) as unknown as LedgerSums;
}

/** Adds `more` into `total` (sums are additive up the hierarchy and across categories and buckets). */
export function addSums(total: LedgerSums, more: LedgerSums): LedgerSums {
  for (const column of SUM_COLUMNS) total[column] += more[column];
  return total;
}
