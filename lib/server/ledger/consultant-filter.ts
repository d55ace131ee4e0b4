/**
 * Which consultants a ledger refresh covers: every consultant, or a list of ids. The SQL fragment is chosen here
 * (never built from input) so that a full build gets a plan without an `= ANY` test on every row.
 */
export type ConsultantSelection = { kind: 'all' } | { kind: 'some'; ids: readonly number[] };

export const ALL_CONSULTANTS: ConsultantSelection = { kind: 'all' };

/** `column = ANY($n)` for a list, `TRUE` for everyone; `parameter` is the placeholder number of the id array. */
export function consultantCondition(
  selection: ConsultantSelection,
  column: string,
  parameter: number,
): string {
  // For everyone the placeholder is still named (PostgreSQL rejects unused parameters); the planner folds it away.
  return selection.kind === 'all'
    ? `(TRUE OR $${parameter}::int[] IS NULL)`
    : `${column} = ANY($${parameter}::int[])`;
}

/** The id array bound to the placeholder (an empty array, unused, for everyone). */
export function consultantParameter(selection: ConsultantSelection): number[] {
  return selection.kind === 'all' ? [] : [...selection.ids];
}
