import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import type { ActivityFilter, Period } from './period';
import { queryRows, SqlParams } from './query';
import { namedConsultantCondition } from './scope-sql';

/** One ledger row as the consultant view shows it (calendar heatmap, lost sessions list). */
export interface LedgerEntry {
  date: string;
  period: 'AM' | 'PM' | 'EVE';
  category: 'clinic' | 'list';
  outcome:
    | 'delivered'
    | 'leave_adequate_notice'
    | 'leave_short_notice'
    | 'sickness'
    | 'hospital_cancelled'
    | 'not_scheduled'
    | 'additional';
  activityType: string | null;
  /** Clinic code or theatre of the session in the extracts, if there is one. */
  location: string | null;
  cancelReason: string | null;
  noticeDays: number | null;
  patients: number;
}

/** A consultant's ledger over a period, in date order; empty unless the caller may see the consultant named. */
export async function getLedgerEntries(
  database: Database,
  scope: Scope,
  request: { consultantId: number; period: Period; activity: ActivityFilter },
): Promise<LedgerEntry[]> {
  const params = new SqlParams();
  const inScope = namedConsultantCondition(scope, params, { level: 'consultant', id: request.consultantId });
  const from = params.add(request.period.from, 'date');
  const to = params.add(request.period.to, 'date');
  const category =
    request.activity === 'all' ? 'TRUE' : `l.category = ${params.add(request.activity, 'activity_category')}`;
  return queryRows<LedgerEntry>(
    database,
    `SELECT to_char(l.session_date, 'YYYY-MM-DD') AS date, l.period::text AS period, l.category::text AS category,
            l.outcome::text AS outcome, a.activity_type::text AS "activityType",
            COALESCE(cs.clinic_code, tl.theatre_code) AS location, l.cancel_reason AS "cancelReason",
            l.notice_days AS "noticeDays", l.patients
       FROM consultants c
       JOIN ledger_sessions l ON l.organisation_id = c.organisation_id AND l.consultant_id = c.id
       LEFT JOIN job_plan_activities a ON a.organisation_id = l.organisation_id AND a.id = l.job_plan_activity_id
       LEFT JOIN clinic_sessions cs ON cs.organisation_id = l.organisation_id AND cs.id = l.clinic_session_id
       LEFT JOIN theatre_lists tl ON tl.organisation_id = l.organisation_id AND tl.id = l.theatre_list_id
      WHERE ${inScope} AND l.session_date BETWEEN ${from} AND ${to} AND ${category}
      ORDER BY l.session_date, l.period, l.category, l.id`,
    params.values,
  );
}
