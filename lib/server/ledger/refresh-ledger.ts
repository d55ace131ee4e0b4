import type { Database } from '../db';
import { type SqlSession, withTransaction } from '../ingest/sql-session';
import { ALL_CONSULTANTS, type ConsultantSelection } from './consultant-filter';
import {
  type CategoryCoverage,
  hasShrunk,
  newlyCoveredSpans,
  readCoverage,
  updateCoverage,
} from './coverage';
import { rebuildPlanLines } from './plan-lines';
import { rewriteRollups } from './rollups';
import { type DateRange, rewriteLedgerSessions } from './sessions';

/** Which part of the ledger to rebuild: some or all consultants, over some or all dates. */
export interface LedgerRefreshScope {
  consultants: ConsultantSelection;
  /** Null: every date the extracts cover. */
  dates: DateRange | null;
}

export const FULL_LEDGER: LedgerRefreshScope = { consultants: ALL_CONSULTANTS, dates: null };

export interface LedgerRefreshResult {
  scope: { consultants: 'all' | number; dates: DateRange | null };
  planLines: number;
  sessionsWritten: number;
  coverage: CategoryCoverage[];
  durationMs: number;
}

/** Key for the advisory lock that serialises ledger refreshes of one organisation (imports use 0–5). */
const LEDGER_LOCK_KEY = 100;

/** Rebuilds the ledger (all of it, or the consultants and dates given) in one transaction. */
export async function refreshLedger(
  database: Database,
  organisationId: number,
  scope: LedgerRefreshScope = FULL_LEDGER,
): Promise<LedgerRefreshResult> {
  return withTransaction(database, (session) => refreshLedgerInSession(session, organisationId, scope));
}

/** The same, inside a transaction the caller holds. */
export async function refreshLedgerInSession(
  session: SqlSession,
  organisationId: number,
  scope: LedgerRefreshScope,
): Promise<LedgerRefreshResult> {
  const started = performance.now();
  await session.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [organisationId, LEDGER_LOCK_KEY]);
  const before = await readCoverage(session, organisationId);
  const coverage = await updateCoverage(session, organisationId);
  const planLines = await rebuildPlanLines(session, organisationId, scope.consultants);
  let sessionsWritten = await rewriteLedgerSessions(session, organisationId, scope.consultants, scope.dates);
  const rewritten: LedgerRefreshScope[] = [scope];
  // Days the extracts now cover for the first time (e.g. the gap between the last file and a new one that starts
  // later) hold planned sessions of every consultant that nothing has judged yet.
  for (const span of newlyCoveredSpans(before, coverage)) {
    if (isWithin(span, scope)) continue;
    sessionsWritten += await rewriteLedgerSessions(session, organisationId, ALL_CONSULTANTS, span);
    rewritten.push({ consultants: ALL_CONSULTANTS, dates: span });
  }
  // Coverage that shrank removed ledger rows anywhere: recount every month then.
  const rollups = hasShrunk(before, coverage) ? [FULL_LEDGER] : rewritten;
  for (const part of rollups) await rewriteRollups(session, organisationId, part.consultants, part.dates);
  if (scope.consultants.kind === 'all' && scope.dates === null) {
    // A full rebuild answers every pending request (e.g. imports run with the refresh deferred) ...
    await session.execute('DELETE FROM ledger_refresh_requests WHERE organisation_id = $1', [organisationId]);
    // ... and replaces every row: give the planner fresh statistics for the dashboards' queries.
    await session.query(
      'ANALYZE ledger_sessions, ledger_plan_lines, ledger_monthly_sums, ledger_weekly_sums, ' +
        'ledger_monthly_group_sums, ledger_weekly_group_sums',
    );
  }
  return {
    scope: {
      consultants: scope.consultants.kind === 'all' ? 'all' : scope.consultants.ids.length,
      dates: scope.dates,
    },
    planLines,
    sessionsWritten,
    coverage,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Whether a span of dates is already rewritten for every consultant by the refresh's own scope. */
function isWithin(span: DateRange, scope: LedgerRefreshScope): boolean {
  if (scope.consultants.kind !== 'all') return false;
  return scope.dates === null || (scope.dates.from <= span.from && span.to <= scope.dates.to);
}
