import type { ImportKindSlug } from '@/lib/shared/import-formats';
import type { Database } from '../db';
import { type SqlSession, withTransaction } from '../ingest/sql-session';
import { type LedgerRefreshResult, type LedgerRefreshScope, refreshLedgerInSession } from './refresh-ledger';

interface ImportChange {
  organisationId: number;
  batchId: number;
  kind: ImportKindSlug;
  /** The dates the file covers, for kinds with a date column. */
  period: { from: string; to: string } | null;
  /** Rows the import removed: their consultants are no longer known, so every consultant is refreshed. */
  deleted: number;
}

/** The table whose rows an import stamps with its batch id, for kinds whose changes touch a few consultants. */
const STAMPED_CONSULTANT_SOURCE: Partial<Record<ImportKindSlug, string>> = {
  consultants: 'SELECT DISTINCT id FROM consultants WHERE organisation_id = $1 AND import_batch_id = $2',
  'job-plans': `SELECT DISTINCT consultant_id FROM job_plans WHERE organisation_id = $1 AND import_batch_id = $2
                UNION
                SELECT DISTINCT jp.consultant_id FROM job_plan_activities l
                  JOIN job_plans jp ON jp.organisation_id = l.organisation_id AND jp.id = l.job_plan_id
                 WHERE l.organisation_id = $1 AND l.import_batch_id = $2`,
  leave: `SELECT DISTINCT consultant_id FROM leave
           WHERE organisation_id = $1 AND import_batch_id = $2 AND consultant_id IS NOT NULL`,
};

/**
 * Records, inside the import's transaction, which part of the ledger the import changed: activity extracts touch
 * every consultant on the dates they cover (a consultant absent from the file has sessions not held); consultants,
 * job plans and leave touch the consultants whose rows they wrote, on every date.
 */
export async function requestLedgerRefresh(session: SqlSession, change: ImportChange): Promise<void> {
  const source = STAMPED_CONSULTANT_SOURCE[change.kind];
  if (source === undefined) {
    if (change.period === null) return;
    await insertRequest(session, change, [], change.period);
    await requestDatesSessionsMovedFrom(session, change);
    return;
  }
  // Rows the import removed cannot be traced to their consultants any more: refresh everyone.
  let consultantIds: number[] = [];
  if (change.deleted === 0) {
    const rows = await session.query<Record<string, number>>(source, [change.organisationId, change.batchId]);
    consultantIds = rows.map((row) => Object.values(row)[0] as number);
    if (consultantIds.length === 0) return;
  }
  await insertRequest(session, change, consultantIds, null);
}

/** The table and ledger column of the sessions an activity import writes. */
const ACTIVITY_TABLE: Partial<
  Record<ImportKindSlug, { table: string; ledgerColumn: string; dateColumn: string }>
> = {
  'clinic-sessions': {
    table: 'clinic_sessions',
    ledgerColumn: 'clinic_session_id',
    dateColumn: 'session_date',
  },
  'clinic-appointments': {
    table: 'clinic_sessions',
    ledgerColumn: 'clinic_session_id',
    dateColumn: 'session_date',
  },
  'theatre-lists': { table: 'theatre_lists', ledgerColumn: 'theatre_list_id', dateColumn: 'list_date' },
};

/**
 * A session the import moved to another date (or consultant) still has a ledger row on its old date, outside the
 * file's period: re-judge those consultants on those dates too, or the session would count twice.
 */
async function requestDatesSessionsMovedFrom(session: SqlSession, change: ImportChange): Promise<void> {
  const activity = ACTIVITY_TABLE[change.kind];
  if (!activity || change.period === null) return;
  // The file's rows were just written, before any ANALYZE (PGlite never runs one): the planner takes the batch for
  // a row or two and loops over the ledger once per row, minutes for a large file. A hash join takes milliseconds.
  await session.execute('SET LOCAL enable_nestloop = off', []);
  const [moved] = await session.query<{ ids: number[] | null; from: string | null; to: string | null }>(
    `SELECT array_agg(DISTINCT l.consultant_id) AS ids, to_char(min(l.session_date), 'YYYY-MM-DD') AS "from",
            to_char(max(l.session_date), 'YYYY-MM-DD') AS "to"
       FROM ${activity.table} x
       JOIN ledger_sessions l ON l.organisation_id = x.organisation_id AND l.${activity.ledgerColumn} = x.id
      WHERE x.organisation_id = $1 AND x.import_batch_id = $2
        AND (l.session_date <> x.${activity.dateColumn} OR l.consultant_id IS DISTINCT FROM x.consultant_id)`,
    [change.organisationId, change.batchId],
  );
  await session.execute('RESET enable_nestloop', []);
  if (!moved?.ids || !moved.from || !moved.to) return;
  await insertRequest(session, change, moved.ids, { from: moved.from, to: moved.to });
}

async function insertRequest(
  session: SqlSession,
  change: ImportChange,
  consultantIds: number[],
  dates: { from: string; to: string } | null,
): Promise<void> {
  await session.execute(
    `INSERT INTO ledger_refresh_requests (organisation_id, batch_id, consultant_ids, date_from, date_to)
     VALUES ($1, $2, $3::int[], $4::date, $5::date)`,
    [change.organisationId, change.batchId, consultantIds, dates?.from ?? null, dates?.to ?? null],
  );
}

interface PendingRequest {
  id: number;
  consultant_ids: number[];
  date_from: string | null;
  date_to: string | null;
}

/**
 * Brings the ledger up to date with every pending request, in one transaction that also clears them (so a crash
 * leaves them for next time). Requests are merged: the consultants of all of them over the span of their dates.
 * Returns null when nothing was pending.
 */
export async function processLedgerRefreshRequests(
  database: Database,
  organisationId: number,
): Promise<LedgerRefreshResult | null> {
  return withTransaction(database, async (session) => {
    const pending = await session.query<PendingRequest>(
      `SELECT id, consultant_ids, to_char(date_from, 'YYYY-MM-DD') AS date_from,
              to_char(date_to, 'YYYY-MM-DD') AS date_to
         FROM ledger_refresh_requests WHERE organisation_id = $1 ORDER BY id FOR UPDATE`,
      [organisationId],
    );
    if (pending.length === 0) return null;
    const result = await refreshLedgerInSession(session, organisationId, mergeRequests(pending));
    await session.execute('DELETE FROM ledger_refresh_requests WHERE organisation_id = $1 AND id = ANY($2)', [
      organisationId,
      pending.map((request) => request.id),
    ]);
    return result;
  });
}

export function mergeRequests(pending: readonly PendingRequest[]): LedgerRefreshScope {
  const isEveryone = pending.some((request) => request.consultant_ids.length === 0);
  const isEveryDate = pending.some((request) => request.date_from === null || request.date_to === null);
  const ids = new Set(pending.flatMap((request) => request.consultant_ids));
  const froms = pending.map((request) => request.date_from ?? '');
  const tos = pending.map((request) => request.date_to ?? '');
  return {
    consultants: isEveryone ? { kind: 'all' } : { kind: 'some', ids: [...ids].sort((a, b) => a - b) },
    dates: isEveryDate ? null : { from: froms.sort()[0] ?? '', to: tos.sort().at(-1) ?? '' },
  };
}
