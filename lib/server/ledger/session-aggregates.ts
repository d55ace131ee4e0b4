/**
 * The sums every metric is a ratio of, as aggregate expressions over ledger rows `l`: one list, used both by the
 * dashboards' queries over the ledger and by the monthly rollup that answers them for whole months.
 */
export const LEDGER_AGGREGATES = {
  planned: `count(*) FILTER (WHERE l.outcome <> 'additional')`,
  delivered_slots: `count(*) FILTER (WHERE l.outcome = 'delivered')`,
  leave_adequate_notice: `count(*) FILTER (WHERE l.outcome = 'leave_adequate_notice')`,
  leave_short_notice: `count(*) FILTER (WHERE l.outcome = 'leave_short_notice')`,
  sickness: `count(*) FILTER (WHERE l.outcome = 'sickness')`,
  hospital_cancelled: `count(*) FILTER (WHERE l.outcome = 'hospital_cancelled')`,
  not_scheduled: `count(*) FILTER (WHERE l.outcome = 'not_scheduled')`,
  unmatched_held: `count(*) FILTER (WHERE l.outcome = 'additional')`,
  patients: 'sum(l.patients)',
  clinic_patients: `sum(l.patients) FILTER (WHERE l.category = 'clinic')`,
  slots: 'sum(l.slots)',
  booked: 'sum(l.booked)',
  dna: 'sum(l.dna)',
  late_not_seen: 'sum(l.late_not_seen)',
  held_planned_minutes: 'sum(l.planned_minutes)',
  touch_minutes: 'sum(l.touch_minutes)',
  touch_minutes_capped: 'sum(l.touch_minutes_capped)',
  utilisation_planned_minutes: 'sum(l.planned_minutes) FILTER (WHERE l.touch_minutes IS NOT NULL)',
  timed_starts: 'count(l.late_start_minutes)',
  late_start_minutes: 'sum(l.late_start_minutes)',
  late_starts_15: 'count(*) FILTER (WHERE l.late_start_minutes >= 15)',
  late_starts_30: 'count(*) FILTER (WHERE l.late_start_minutes >= 30)',
  timed_finishes: 'count(l.early_finish_minutes)',
  early_finish_minutes: 'sum(l.early_finish_minutes)',
  early_finishes_15: 'count(*) FILTER (WHERE l.early_finish_minutes >= 15)',
  early_finishes_30: 'count(*) FILTER (WHERE l.early_finish_minutes >= 30)',
} as const;

export type LedgerAggregateColumn = keyof typeof LEDGER_AGGREGATES;

export const LEDGER_AGGREGATE_COLUMNS = Object.keys(LEDGER_AGGREGATES) as LedgerAggregateColumn[];

/** `expr AS column, …` for a SELECT over ledger rows `l`. */
export function ledgerAggregateSelect(indent = '         '): string {
  return LEDGER_AGGREGATE_COLUMNS.map(
    (column) => `COALESCE(${LEDGER_AGGREGATES[column]}, 0)::float8 AS ${column}`,
  ).join(`,\n${indent}`);
}

/**
 * One consultant's sums for a bucket as every unit total adds them up, over a row `r` of LEDGER_AGGREGATE_COLUMNS
 * with the plan's expectations (any of them may be NULL): unplanned held sessions are credited to annualised lines
 * up to the consultant's own expectation before anything is summed, and the expected sessions count both kinds of
 * line. Used by the dashboards' per-consultant step and by the group rollups that hold it summed.
 */
export const SETTLED_SUMS: Record<string, (row: string) => string> = {
  ...Object.fromEntries(
    LEDGER_AGGREGATE_COLUMNS.map((column) => [column, (row: string) => `${row}.${column}`]),
  ),
  annualised_credit: (row) =>
    `LEAST(COALESCE(${row}.unmatched_held, 0), COALESCE(${row}.annualised_expectation, 0))`,
  annualised_expectation: (row) => `COALESCE(${row}.annualised_expectation, 0)`,
  expected_gross_slots: (row) =>
    `COALESCE(${row}.annualised_expectation, 0) + COALESCE(${row}.expected_gross_slots, 0)`,
};

export const SETTLED_COLUMNS = Object.keys(SETTLED_SUMS);

/** `expr AS column, …` (or `sum(expr) AS column, …`) of the settled sums over rows `row`. */
export function settledSumsSelect(row: string, aggregate: 'none' | 'sum' = 'none'): string {
  return Object.entries(SETTLED_SUMS)
    .map(([column, expressionOf]) => {
      const expression = expressionOf(row);
      return `${aggregate === 'sum' ? `sum(${expression})` : expression} AS ${column}`;
    })
    .join(', ');
}
