import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { LEDGER_AGGREGATE_COLUMNS, ledgerAggregateSelect } from '../ledger/session-aggregates';
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
  // Whole calendar months inside the period are read from the monthly rollup, the days around them from the
  // ledger. Weekly buckets do not align with months: they read the ledger only.
  const months = request.bucket === 'week' ? null : wholeMonthsOf(request.period);
  const fullFrom = params.add(months?.from ?? '9999-12-31', 'date');
  const fullTo = params.add(months?.to ?? '0001-01-01', 'date');
  const category =
    request.activity === 'all' ? 'TRUE' : `category = ${params.add(request.activity, 'activity_category')}`;
  const sums = SUM_COLUMNS.map((column) => `sum(${snake(column)})::float8 AS "${column}"`).join(',\n       ');

  const sql = `
WITH scoped AS (
  SELECT c.id, ${UNIT_ID_COLUMN[request.level]} AS unit_id FROM consultants c WHERE ${inScope}
),
coverage AS (
  SELECT category, date_from, date_to FROM ledger_coverage WHERE organisation_id = ${org} AND ${category}
),
buckets AS (${bucketsSql(request.bucket, from, to)}),
sessions_edges AS (
  SELECT l.consultant_id, l.category, ${bucketOf(request.bucket, 'l.session_date', from)} AS bucket,
         ${ledgerAggregateSelect()}
    FROM ledger_sessions l
    JOIN scoped s ON s.id = l.consultant_id
   WHERE l.organisation_id = ${org} AND l.session_date BETWEEN ${from} AND ${to} AND ${category}
     AND l.session_date NOT BETWEEN ${fullFrom} AND ${fullTo}
   GROUP BY 1, 2, 3
),
sessions_months AS (
  SELECT m.consultant_id, m.category, ${bucketOf(request.bucket, 'm.month', from)} AS bucket,
         ${LEDGER_AGGREGATE_COLUMNS.map((column) => `m.${column}`).join(', ')}
    FROM ledger_monthly_sums m
    JOIN scoped s ON s.id = m.consultant_id
   WHERE m.organisation_id = ${org} AND m.month BETWEEN ${fullFrom} AND ${fullTo} AND ${category}
),
sessions AS (
  SELECT consultant_id, category, bucket,
         ${LEDGER_AGGREGATE_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(', ')}
    FROM (SELECT * FROM sessions_edges UNION ALL SELECT * FROM sessions_months) u
   GROUP BY 1, 2, 3
),
plans AS (
  SELECT pl.consultant_id, pl.category, b.bucket,
         sum(COALESCE(pl.sessions_per_week * pl.expected_weeks, 0) * d.days / 365.0) AS expected_gross_slots,
         sum(COALESCE(pl.annual_sessions, 0) * d.days / 365.0) AS annualised_expectation
    FROM ledger_plan_lines pl
    JOIN scoped s ON s.id = pl.consultant_id
    JOIN coverage cv ON cv.category = pl.category
    CROSS JOIN buckets b
    CROSS JOIN LATERAL (
      SELECT LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, b.last_day)
             - GREATEST(pl.effective_from, cv.date_from, b.first_day) + 1 AS days
    ) d
   WHERE pl.organisation_id = ${org} AND d.days > 0
   GROUP BY 1, 2, 3
),
per_consultant AS (
  SELECT COALESCE(x.consultant_id, p.consultant_id) AS consultant_id, COALESCE(x.category, p.category) AS category,
         COALESCE(x.bucket, p.bucket) AS bucket,
         LEAST(COALESCE(x.unmatched_held, 0), COALESCE(p.annualised_expectation, 0)) AS annualised_credit,
         COALESCE(p.annualised_expectation, 0) AS annualised_expectation,
         COALESCE(p.annualised_expectation, 0) + COALESCE(p.expected_gross_slots, 0) AS expected_gross_slots,
         x.planned, x.delivered_slots, x.leave_adequate_notice, x.leave_short_notice, x.sickness,
         x.hospital_cancelled, x.not_scheduled, x.unmatched_held, x.patients, x.clinic_patients, x.slots, x.booked, x.dna,
         x.late_not_seen, x.held_planned_minutes, x.touch_minutes, x.touch_minutes_capped,
         x.utilisation_planned_minutes, x.timed_starts, x.late_start_minutes, x.late_starts_15, x.late_starts_30,
         x.timed_finishes, x.early_finish_minutes, x.early_finishes_15, x.early_finishes_30
    FROM sessions x
    FULL JOIN plans p ON p.consultant_id = x.consultant_id AND p.category = x.category AND p.bucket = x.bucket
)
SELECT s.unit_id AS "unitId", pc.category::text AS category, to_char(pc.bucket, 'YYYY-MM-DD') AS bucket,
       ${sums}
  FROM per_consultant pc
  JOIN scoped s ON s.id = pc.consultant_id
 GROUP BY 1, 2, 3
 ORDER BY 1, 2, 3`;
  const rows = await queryRows<LedgerSumsRow>(database, sql, params.values);
  for (const row of rows) {
    for (const column of SUM_COLUMNS) row[column] = row[column] ?? 0;
  }
  return rows;
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
