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
