import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows, SqlParams } from '../metrics/query';
import { grantCondition } from '../metrics/scope-sql';
import { judgedMonthsSql, runLengthsSql } from './judged-months';

export type ForReviewRule = 'low_fulfilment' | 'high_total_delivery';

export interface ForReviewEntry {
  consultantId: number;
  gmcNumber: string;
  name: string;
  specialtyId: number;
  divisionId: number;
  rule: ForReviewRule;
  /** Consecutive complete months the rule has held, ending with `month` (the latest month judged). */
  months: number;
  month: string;
  /** The months of the run, oldest first. */
  evidence: { month: string; fulfilmentNet: number | null; totalDelivery: number | null }[];
}

/**
 * The "for review" list (escalation rule, trust parameters): consultants the caller sees named whose session
 * fulfilment (net) was below the threshold, or total delivery above it, in each of the last N complete months
 * the extracts cover, up to `asOf`. One set-based statement over the monthly rollup of the ledger
 * (ledger_monthly_sums) with the annualised lines' expectation and credit settled per consultant, category and
 * month as the metrics do; a month without expected sessions breaks a run. Optionally within one unit.
 */
export async function getForReviewList(
  database: Database,
  scope: Scope,
  request: { asOf: string; unit?: { level: 'specialty' | 'division'; id: number } },
): Promise<ForReviewEntry[]> {
  const params = new SqlParams();
  const org = params.add(scope.organisationId, 'int');
  const named = grantCondition(scope.named, params);
  const unit = request.unit
    ? ` AND ${request.unit.level === 'specialty' ? 'c.specialty_id' : 'c.division_id'} = ${params.add(request.unit.id, 'int')}`
    : '';
  const asOf = params.add(request.asOf, 'date');
  const sql = `
WITH p AS (
  SELECT COALESCE(t.review_fulfilment_below, 0.80)::float8 AS low,
         COALESCE(t.review_total_delivery_above, 1.10)::float8 AS high, COALESCE(t.review_months, 3) AS n
    FROM (SELECT 1) one LEFT JOIN trust_parameters t ON t.organisation_id = ${org}
),
scoped AS (
  SELECT c.id, c.gmc_number, c.name, c.specialty_id, c.division_id FROM consultants c
   WHERE c.organisation_id = ${org} AND ${named}${unit}
),
${judgedMonthsSql(org, asOf)},
sums AS (
  SELECT ms.consultant_id, ms.category, ms.month, ms.planned, ms.delivered_slots, ms.unmatched_held,
         ms.leave_adequate_notice + ms.leave_short_notice + ms.sickness AS leave
    FROM ledger_monthly_sums ms
    JOIN scoped s ON s.id = ms.consultant_id
    JOIN months mo ON mo.month = ms.month
   WHERE ms.organisation_id = ${org}
),
annual AS (
  SELECT pl.consultant_id, pl.category, mo.month,
         sum(pl.annual_sessions * GREATEST(0, LEAST(COALESCE(pl.effective_to, 'infinity'::date), cv.date_to, mo.month_end)
                                              - GREATEST(pl.effective_from, cv.date_from, mo.month) + 1) / 365.0) AS expectation
    FROM ledger_plan_lines pl
    JOIN scoped s ON s.id = pl.consultant_id
    JOIN cov cv ON cv.category = pl.category
   CROSS JOIN months mo
   WHERE pl.organisation_id = ${org} AND pl.annual_sessions IS NOT NULL
   GROUP BY 1, 2, 3
),
per_category AS (
  SELECT COALESCE(x.consultant_id, a.consultant_id) AS consultant_id, COALESCE(x.month, a.month) AS month,
         COALESCE(x.delivered_slots, 0) + LEAST(COALESCE(x.unmatched_held, 0), COALESCE(a.expectation, 0)) AS delivered,
         COALESCE(x.delivered_slots, 0) + COALESCE(x.unmatched_held, 0) AS delivered_and_additional,
         COALESCE(x.planned, 0) - COALESCE(x.leave, 0) + COALESCE(a.expectation, 0) AS expected_net
    FROM sums x
    FULL JOIN annual a ON a.consultant_id = x.consultant_id AND a.category = x.category AND a.month = x.month
),
monthly AS (
  SELECT consultant_id, month,
         (sum(delivered) / NULLIF(sum(expected_net), 0))::float8 AS fulfilment,
         (sum(delivered_and_additional) / NULLIF(sum(expected_net), 0))::float8 AS total_delivery
    FROM per_category GROUP BY 1, 2
),
grid AS (
  -- Every consultant in every judged month, so that a month without data breaks a run.
  SELECT s.id AS consultant_id, mo.month, m.fulfilment, m.total_delivery,
         COALESCE(m.fulfilment < p.low, FALSE) AS is_low, COALESCE(m.total_delivery > p.high, FALSE) AS is_high
    FROM scoped s CROSS JOIN months mo CROSS JOIN p
    LEFT JOIN monthly m ON m.consultant_id = s.id AND m.month = mo.month
),
${runLengthsSql('grid', ['consultant_id'], ['is_low', 'is_high'])},
flagged AS (
  SELECT r.consultant_id, 'low_fulfilment' AS rule, r.is_low_run AS run, r.last_month FROM runs r, p WHERE r.is_low_run >= p.n
  UNION ALL
  SELECT r.consultant_id, 'high_total_delivery', r.is_high_run, r.last_month FROM runs r, p WHERE r.is_high_run >= p.n
)
SELECT f.consultant_id AS "consultantId", s.gmc_number AS "gmcNumber", s.name, s.specialty_id AS "specialtyId",
       s.division_id AS "divisionId", f.rule, f.run::int AS months, to_char(f.last_month, 'YYYY-MM-DD') AS month,
       (SELECT json_agg(json_build_object('month', to_char(g.month, 'YYYY-MM-DD'), 'fulfilmentNet', g.fulfilment,
                                          'totalDelivery', g.total_delivery) ORDER BY g.month)
          FROM grid g
         WHERE g.consultant_id = f.consultant_id AND g.month > (f.last_month - make_interval(months => f.run::int))::date
       ) AS evidence
  FROM flagged f
  JOIN scoped s ON s.id = f.consultant_id
 ORDER BY s.name, s.gmc_number, f.rule`;
  const rows = await queryRows<ForReviewEntry & { evidence: ForReviewEntry['evidence'] | string }>(
    database,
    sql,
    params.values,
  );
  // PGlite returns json as text in some versions; pg parses it.
  return rows.map((row) => ({
    ...row,
    evidence: typeof row.evidence === 'string' ? JSON.parse(row.evidence) : (row.evidence ?? []),
  }));
}
