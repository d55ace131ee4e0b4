import type { SqlSession } from '../sql-session';
import { STAGE_TABLE } from '../staging';
import type { IssueDraft, MergeContext } from './kind';

/** Issues reported per kind of problem, at most: enough to fix a file, not enough to flood the database. */
export const MAX_ISSUES_PER_CHECK = 200;

export interface UpsertSpec {
  table: string;
  /** The natural key after organisation_id (a unique constraint). */
  conflictColumns: readonly string[];
  /** Target column → SQL expression over the FROM clause (stage aliased `s`). */
  values: Readonly<Record<string, string>>;
  /** FROM clause; $1 is the organisation id. */
  from: string;
}

/**
 * Upserts the staged rows by natural key, in two set-based statements: an UPDATE of the rows that exist and differ
 * (so a re-import writes nothing and counts as unchanged), then an INSERT of the rows that do not exist. Faster
 * than `INSERT … ON CONFLICT` for bulk loads, and safe because imports of one kind are serialised per organisation
 * (advisory lock). Stamps the batch on what it writes. $1 = organisation, $2 = batch. Table and column names
 * come from code, never from input.
 */
export async function upsertFromStage(
  session: SqlSession,
  spec: UpsertSpec,
  context: MergeContext,
): Promise<{ inserted: number; updated: number }> {
  const targets = Object.keys(spec.values);
  const changeable = targets.filter((column) => !spec.conflictColumns.includes(column));
  const sourceColumns = targets.map((column) => `${spec.values[column]} AS ${column}`).join(', ');
  const keyMatch = (left: string, right: string) =>
    spec.conflictColumns.map((column) => `${left}.${column} = ${right}.${column}`).join(' AND ');
  const parameters = [context.organisationId, context.batchId];
  const updated = await session.execute(
    `UPDATE ${spec.table} t SET
       ${changeable.map((column) => `${column} = src.${column}`).join(', ')}, import_batch_id = $2, updated_at = now()
     FROM (SELECT ${sourceColumns} FROM ${spec.from}) src
     WHERE t.organisation_id = $1 AND ${keyMatch('t', 'src')}
       AND (${changeable.map((column) => `t.${column}`).join(', ')})
         IS DISTINCT FROM (${changeable.map((column) => `src.${column}`).join(', ')})`,
    parameters,
  );
  const inserted = await session.execute(
    `INSERT INTO ${spec.table} (organisation_id, ${targets.join(', ')}, import_batch_id, updated_at)
     SELECT $1::int, src.*, $2::int, now()
     FROM (SELECT ${sourceColumns} FROM ${spec.from}) src
     WHERE NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE t.organisation_id = $1 AND ${keyMatch('t', 'src')})`,
    parameters,
  );
  return { inserted, updated };
}

/**
 * Removes the rows of `table` dated inside the file's period whose natural key the file no longer holds
 * (a session deleted in the PAS disappears here too). Returns how many.
 */
async function deleteMissingInPeriod(
  session: SqlSession,
  context: MergeContext,
  spec: { table: string; dateColumn: string; keyColumn: string; stageKey: string },
): Promise<number> {
  if (!context.period) return 0;
  // EXCEPT, not NOT EXISTS: with no statistics on the target (a first import) the planner expected one row and
  // chose a nested-loop anti-join that scanned the staged file once per row — quadratic, minutes at 100k rows.
  const [row] = await session.query<{ deleted: number }>(
    `WITH gone AS (
       SELECT t.${spec.keyColumn} AS key FROM ${spec.table} t
       WHERE t.organisation_id = $1 AND t.${spec.dateColumn} BETWEEN $2::date AND $3::date
       EXCEPT
       SELECT ${spec.stageKey} FROM ${STAGE_TABLE} s),
     deleted AS (
       DELETE FROM ${spec.table} t USING gone
       WHERE t.organisation_id = $1 AND t.${spec.keyColumn} = gone.key
       RETURNING 1)
     SELECT count(*)::int AS deleted FROM deleted`,
    [context.organisationId, context.period.from, context.period.to],
  );
  return row?.deleted ?? 0;
}

/**
 * Merges a dated extract (sessions, lists, appointments, leave): the file replaces what the table holds for its
 * period. Rows missing from the file go first, so that a first import checks an empty period instead of the rows
 * it has just inserted (1.2 s of a million-row load); the rows the upsert writes are all in the file, so the
 * order changes nothing else.
 */
export async function replacePeriodFromStage(
  session: SqlSession,
  context: MergeContext,
  spec: UpsertSpec & { dateColumn: string; stageKey: string },
): Promise<{ inserted: number; updated: number; deleted: number }> {
  const [keyColumn] = spec.conflictColumns;
  if (spec.conflictColumns.length !== 1 || !keyColumn) {
    throw new Error(`replacePeriodFromStage needs a single-column natural key (${spec.table})`);
  }
  const deleted = await deleteMissingInPeriod(session, context, {
    table: spec.table,
    dateColumn: spec.dateColumn,
    keyColumn,
    stageKey: spec.stageKey,
  });
  const counts = await upsertFromStage(session, spec, context);
  return { ...counts, deleted };
}

/** Rows whose natural key repeats an earlier row of the file. */
export async function findDuplicateKeys(
  session: SqlSession,
  keyColumns: readonly string[],
): Promise<IssueDraft[]> {
  const rows = await session.query<{ first_row: number; row_number: number; key: string }>(
    `SELECT row_number, first_row, key FROM (
       SELECT row_number, concat_ws(' / ', ${keyColumns.join(', ')}) AS key,
              min(row_number) OVER (PARTITION BY ${keyColumns.join(', ')}) AS first_row
       FROM ${STAGE_TABLE}) d
     WHERE row_number <> first_row ORDER BY row_number LIMIT ${MAX_ISSUES_PER_CHECK}`,
  );
  return rows.map((row) => ({
    rowNumber: row.row_number,
    column: keyColumns.join(' + '),
    value: row.key,
    message: `repeats row ${row.first_row}: ${keyColumns.join(' + ')} must be unique within the file`,
  }));
}

/** One warning per GMC number in the file that is not in the consultant list (the rows are kept). */
export async function findUnknownConsultants(
  session: SqlSession,
  context: MergeContext,
): Promise<IssueDraft[]> {
  const rows = await session.query<{ gmc_number: string; first_row: number; row_count: number }>(
    `SELECT s.gmc_number, min(s.row_number)::int AS first_row, count(*)::int AS row_count
     FROM ${STAGE_TABLE} s
     WHERE NOT EXISTS (SELECT 1 FROM consultants c WHERE c.organisation_id = $1 AND c.gmc_number = s.gmc_number)
     GROUP BY s.gmc_number ORDER BY first_row LIMIT ${MAX_ISSUES_PER_CHECK}`,
    [context.organisationId],
  );
  return rows.map((row) => ({
    rowNumber: row.first_row,
    column: 'gmc_number',
    value: row.gmc_number,
    message: `GMC number ${row.gmc_number} is not in the consultant list (${row.row_count} row${row.row_count === 1 ? '' : 's'}); kept, and shown as a data-quality issue`,
  }));
}

/** Rows of the staged file matching `condition`, each as an issue with `message`. */
export async function findRows(
  session: SqlSession,
  condition: string,
  issue: { column: string; value: string; message: string },
): Promise<IssueDraft[]> {
  const rows = await session.query<{ row_number: number; value: string | null }>(
    `SELECT row_number, (${issue.value})::text AS value FROM ${STAGE_TABLE} s
     WHERE ${condition} ORDER BY row_number LIMIT ${MAX_ISSUES_PER_CHECK}`,
  );
  return rows.map((row) => ({
    rowNumber: row.row_number,
    column: issue.column,
    value: row.value,
    message: issue.message,
  }));
}

/** The consultant id for the staged row's GMC number, or null when unknown. */
export const CONSULTANT_JOIN = `${STAGE_TABLE} s
  LEFT JOIN consultants c ON c.organisation_id = $1 AND c.gmc_number = s.gmc_number`;
