import type { Database } from '../db';
import { wholeMonthsOf } from './ledger-sums';
import type { Period } from './period';
import { queryRows } from './query';

/** Patients per session a consultant's productivity is compared with, per specialty and category. */
export interface Benchmark {
  specialtyId: number;
  category: 'clinic' | 'list';
  value: number;
  source: 'target' | 'median';
  /** Consultants the median was taken over (null for a configured target). */
  consultants: number | null;
}

/**
 * The benchmark for each specialty and category: a configured `casesPerSession` target (specialty-specific first,
 * then trust-wide, category-specific before any category), else the median of consultants' patients per session
 * over those with at least `minHeld` held sessions in the period. An aggregate over every consultant of the
 * specialty, whoever asks: it names nobody.
 */
export async function getBenchmarks(
  database: Database,
  organisationId: number,
  specialtyIds: number[],
  period: Period,
  minHeld: number,
): Promise<Map<string, Benchmark>> {
  // Whole months from the monthly rollup, the days around them from the ledger: patients only count on held
  // sessions (delivered and additional), so the rollup's patients are the held sessions' patients.
  const whole = wholeMonthsOf(period);
  const rows = await queryRows<Benchmark>(
    database,
    `WITH held AS (
       SELECT m.consultant_id, m.category, m.patients, m.delivered_slots + m.unmatched_held AS sessions
         FROM ledger_monthly_sums m
        WHERE m.organisation_id = $1 AND m.month BETWEEN $6::date AND $7::date
       UNION ALL
       SELECT l.consultant_id, l.category, l.patients, 1::float8
         FROM ledger_sessions l
        WHERE l.organisation_id = $1 AND l.session_date BETWEEN $3::date AND $4::date
          AND l.session_date NOT BETWEEN $6::date AND $7::date AND l.outcome IN ('delivered', 'additional')
     ),
     per_consultant AS (
       SELECT c.specialty_id, h.category, sum(h.patients) / sum(h.sessions) AS cases_per_session
         FROM held h
         JOIN consultants c ON c.organisation_id = $1 AND c.id = h.consultant_id
        WHERE c.specialty_id = ANY($2::int[])
        GROUP BY c.specialty_id, h.consultant_id, h.category
       HAVING sum(h.sessions) >= $5 AND sum(h.sessions) > 0
     ),
     medians AS (
       SELECT specialty_id, category, percentile_cont(0.5) WITHIN GROUP (ORDER BY cases_per_session) AS value,
              count(*)::int AS consultants
         FROM per_consultant GROUP BY 1, 2
     ),
     targets AS (
       SELECT DISTINCT ON (s.id, cat.category) s.id AS specialty_id, cat.category, t.value::float8 AS value
         FROM unnest($2::int[]) AS s(id)
        CROSS JOIN (VALUES ('clinic'::activity_category), ('list'::activity_category)) AS cat(category)
         JOIN metric_targets t
           ON t.organisation_id = $1 AND t.metric_id = 'casesPerSession'
          AND (t.specialty_id IS NULL OR t.specialty_id = s.id)
          AND (t.activity_category IS NULL OR t.activity_category = cat.category)
        ORDER BY s.id, cat.category, t.specialty_id IS NULL, t.activity_category IS NULL, t.created_at DESC
     )
     SELECT COALESCE(t.specialty_id, m.specialty_id) AS "specialtyId",
            COALESCE(t.category, m.category)::text AS category,
            COALESCE(t.value, m.value) AS value,
            CASE WHEN t.value IS NOT NULL THEN 'target' ELSE 'median' END AS source,
            CASE WHEN t.value IS NULL THEN m.consultants END AS consultants
       FROM targets t
       FULL JOIN medians m ON m.specialty_id = t.specialty_id AND m.category = t.category`,
    [
      organisationId,
      specialtyIds,
      period.from,
      period.to,
      minHeld,
      whole?.from ?? '9999-12-31',
      whole?.to ?? '0001-01-01',
    ],
  );
  return new Map(rows.map((row) => [benchmarkKey(row.specialtyId, row.category), row]));
}

export function benchmarkKey(specialtyId: number, category: string): string {
  return `${specialtyId}:${category}`;
}
