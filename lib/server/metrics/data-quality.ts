import type { Database } from '../db';
import type { Period } from './period';
import { queryRows } from './query';

export interface DataQualityCounts {
  unknownConsultantSessions: number;
  /** The GMC numbers behind them, most sessions first. */
  unknownGmcNumbers: { gmcNumber: string; sessions: number }[];
  sessionsWithoutPlan: number;
  missingTimestamps: number;
  duplicateSessions: number;
}

/**
 * Data-quality counts over a period for the whole organisation. For admins: sessions of unknown consultants
 * belong to no specialty, so no narrower scope can hold them.
 */
export async function getDataQuality(
  database: Database,
  organisationId: number,
  period: Period,
): Promise<DataQualityCounts> {
  const params = [organisationId, period.from, period.to];
  const [counts, unknown] = await Promise.all([
    queryRows<Omit<DataQualityCounts, 'unknownGmcNumbers'>>(
      database,
      `WITH activity AS (
         SELECT consultant_id, session_date AS day, period, clinic_code AS location, 'clinic' AS category
           FROM clinic_sessions WHERE organisation_id = $1 AND session_date BETWEEN $2::date AND $3::date
         UNION ALL
         SELECT consultant_id, list_date, period, theatre_code, 'list'
           FROM theatre_lists WHERE organisation_id = $1 AND list_date BETWEEN $2::date AND $3::date
       )
       SELECT
         (SELECT count(*)::int FROM activity WHERE consultant_id IS NULL) AS "unknownConsultantSessions",
         (SELECT count(*)::int FROM activity WHERE consultant_id IS NOT NULL)
           - (SELECT count(*)::int FROM (SELECT DISTINCT consultant_id, day, period, location, category
                                           FROM activity WHERE consultant_id IS NOT NULL) d) AS "duplicateSessions",
         (SELECT count(*)::int FROM theatre_lists
           WHERE organisation_id = $1 AND list_date BETWEEN $2::date AND $3::date AND status = 'held'
             AND (actual_start IS NULL OR actual_end IS NULL OR touch_minutes IS NULL)) AS "missingTimestamps",
         (SELECT count(*)::int FROM ledger_sessions l
           WHERE l.organisation_id = $1 AND l.session_date BETWEEN $2::date AND $3::date
             AND l.outcome = 'additional'
             AND NOT EXISTS (SELECT 1 FROM ledger_plan_lines pl
                              WHERE pl.organisation_id = l.organisation_id AND pl.consultant_id = l.consultant_id
                                AND pl.effective_from <= l.session_date
                                AND (pl.effective_to IS NULL OR pl.effective_to >= l.session_date)))
           AS "sessionsWithoutPlan"`,
      params,
    ),
    queryRows<{ gmcNumber: string; sessions: number }>(
      database,
      `SELECT gmc_number AS "gmcNumber", count(*)::int AS sessions
         FROM (SELECT gmc_number FROM clinic_sessions
                WHERE organisation_id = $1 AND consultant_id IS NULL AND session_date BETWEEN $2::date AND $3::date
               UNION ALL
               SELECT gmc_number FROM theatre_lists
                WHERE organisation_id = $1 AND consultant_id IS NULL AND list_date BETWEEN $2::date AND $3::date) u
        GROUP BY gmc_number ORDER BY sessions DESC, gmc_number LIMIT 50`,
      params,
    ),
  ]);
  return { ...(counts[0] as Omit<DataQualityCounts, 'unknownGmcNumbers'>), unknownGmcNumbers: unknown };
}
