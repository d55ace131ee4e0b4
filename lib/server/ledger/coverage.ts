import type { SqlSession } from '../ingest/sql-session';

export interface CategoryCoverage {
  category: 'clinic' | 'list';
  from: string;
  to: string;
}

/**
 * Sets the dates the ledger covers for each category to the span of that category's extracts, and removes ledger
 * rows that fall outside it (an extract's period can shrink when a source re-sends less).
 */
export async function updateCoverage(
  session: SqlSession,
  organisationId: number,
): Promise<CategoryCoverage[]> {
  const rows = await session.query<CategoryCoverage>(
    `WITH spans AS (
       SELECT 'clinic'::activity_category AS category, min(session_date) AS date_from, max(session_date) AS date_to
         FROM clinic_sessions WHERE organisation_id = $1
       UNION ALL
       SELECT 'list', min(list_date), max(list_date) FROM theatre_lists WHERE organisation_id = $1
     ),
     removed AS (
       DELETE FROM ledger_coverage c USING spans s
        WHERE c.organisation_id = $1 AND c.category = s.category AND s.date_from IS NULL
     )
     INSERT INTO ledger_coverage (organisation_id, category, date_from, date_to, refreshed_at)
     SELECT $1, category, date_from, date_to, now() FROM spans WHERE date_from IS NOT NULL
     ON CONFLICT (organisation_id, category) DO UPDATE
       SET date_from = EXCLUDED.date_from, date_to = EXCLUDED.date_to, refreshed_at = EXCLUDED.refreshed_at
     RETURNING category::text AS category, to_char(date_from, 'YYYY-MM-DD') AS "from",
               to_char(date_to, 'YYYY-MM-DD') AS "to"`,
    [organisationId],
  );
  await session.execute(
    `DELETE FROM ledger_sessions s
      WHERE s.organisation_id = $1
        AND NOT EXISTS (SELECT 1 FROM ledger_coverage c
                         WHERE c.organisation_id = s.organisation_id AND c.category = s.category
                           AND s.session_date BETWEEN c.date_from AND c.date_to)`,
    [organisationId],
  );
  return rows;
}

/** The coverage as it stands, before a refresh changes it. */
export async function readCoverage(session: SqlSession, organisationId: number): Promise<CategoryCoverage[]> {
  return session.query<CategoryCoverage>(
    `SELECT category::text AS category, to_char(date_from, 'YYYY-MM-DD') AS "from", to_char(date_to, 'YYYY-MM-DD') AS "to"
       FROM ledger_coverage WHERE organisation_id = $1`,
    [organisationId],
  );
}

/** Dates covered now that were not before (any category), as spans; ledger rows are written for all categories. */
export function newlyCoveredSpans(
  before: readonly CategoryCoverage[],
  after: readonly CategoryCoverage[],
): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  for (const now of after) {
    const was = before.find((coverage) => coverage.category === now.category);
    if (!was) {
      spans.push({ from: now.from, to: now.to });
      continue;
    }
    if (now.from < was.from) spans.push({ from: now.from, to: dayBefore(was.from) });
    if (now.to > was.to) spans.push({ from: dayAfter(was.to), to: now.to });
  }
  return spans;
}

const shiftDay = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayBefore = (iso: string) => shiftDay(iso, -1);
const dayAfter = (iso: string) => shiftDay(iso, 1);

/** Whether any category's coverage lost days (its rows outside the new span were removed). */
export function hasShrunk(before: readonly CategoryCoverage[], after: readonly CategoryCoverage[]): boolean {
  return before.some((was) => {
    const now = after.find((coverage) => coverage.category === was.category);
    return !now || now.from > was.from || now.to < was.to;
  });
}
