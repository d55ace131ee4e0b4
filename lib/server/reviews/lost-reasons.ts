import type { ReviewActivity, ReviewUnitLevel } from '@/lib/shared/review-agenda';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from '../metrics/query';
import { consultantScopeCondition } from '../metrics/scope-sql';

/**
 * Sessions cancelled by the hospital in a unit over a period, by the reason the source gave (most first): the
 * "lost sessions by reason" screen of the agenda. Reads the ledger for the consultants of units whose totals the
 * caller may see.
 */
export async function getCancellationReasons(
  database: Database,
  scope: Scope,
  request: {
    unit: { level: ReviewUnitLevel; id: number };
    period: { from: string; to: string };
    activity: ReviewActivity;
  },
): Promise<{ reason: string; sessions: number }[]> {
  const params = new SqlParams();
  const inScope = consultantScopeCondition(scope, params, request.unit.level, request.unit);
  const org = params.add(scope.organisationId, 'int');
  const from = params.add(request.period.from, 'date');
  const to = params.add(request.period.to, 'date');
  const category =
    request.activity === 'all'
      ? ''
      : ` AND l.category = ${params.add(request.activity, 'activity_category')}`;
  return queryRows(
    database,
    `SELECT COALESCE(NULLIF(trim(l.cancel_reason), ''), 'No reason given') AS reason, count(*)::int AS sessions
       FROM ledger_sessions l
       JOIN consultants c ON c.organisation_id = l.organisation_id AND c.id = l.consultant_id
      WHERE ${inScope} AND l.organisation_id = ${org} AND l.outcome = 'hospital_cancelled'
        AND l.session_date BETWEEN ${from} AND ${to}${category}
      GROUP BY 1
      ORDER BY 2 DESC, 1`,
    params.values,
  );
}
