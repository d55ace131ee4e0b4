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

/** A page of rows behind a data-quality count, with the total so that the page can say how many it left off. */
export interface RowPage<Row> {
  total: number;
  rows: Row[];
}

export interface RowPageRequest {
  /** Rows per page (1–500; default 50). */
  limit?: number;
  offset?: number;
}

/** A clinic session or theatre list as the source system recorded it. */
export interface SourceActivityRow {
  category: 'clinic' | 'list';
  /** The source system's session or list id. */
  sourceId: string;
  date: string;
  period: 'AM' | 'PM' | 'EVE';
  /** Clinic code or theatre. */
  location: string;
  gmcNumber: string;
  /** Null when the GMC number matches no consultant. */
  consultantId: number | null;
  consultantName: string | null;
  status: 'held' | 'cancelled' | 'reallocated';
}

/** Sessions recorded more than once: same consultant, date, period, location and category. */
export interface DuplicateSessionGroup {
  category: 'clinic' | 'list';
  date: string;
  period: 'AM' | 'PM' | 'EVE';
  location: string;
  gmcNumber: string;
  consultantId: number;
  consultantName: string;
  /** Every source id in the group, in order (the first is counted once; the rest are the duplicates). */
  sourceIds: string[];
}

/** A held theatre list without the timestamps utilisation and late starts need. */
export interface MissingTimestampRow extends SourceActivityRow {
  missing: ('actual start' | 'actual end' | 'touch time')[];
}

/** An additional held session of a consultant who had no job plan line in force on its date. */
export interface SessionWithoutPlanRow extends SourceActivityRow {
  consultantId: number;
  consultantName: string;
}

function pageOf(request: RowPageRequest): { limit: number; offset: number } {
  const limit = Math.min(500, Math.max(1, Math.trunc(request.limit ?? 50)));
  const offset = Math.max(0, Math.trunc(request.offset ?? 0));
  return { limit, offset };
}

/** One page of a list, and the row its totals are read from. */
interface FetchedPage<Row> {
  rows: Row[];
  totals: Row | undefined;
}

/**
 * Fetches one page of a list. Its totals are window functions, which come back only on the rows inside the page:
 * a page past the end (an old link, or a list a re-import shortened) reads them from the list's first row.
 */
async function fetchPage<Row extends { total: number }>(
  request: RowPageRequest,
  fetchRows: (limit: number, offset: number) => Promise<Row[]>,
): Promise<FetchedPage<Row>> {
  const { limit, offset } = pageOf(request);
  const rows = await fetchRows(limit, offset);
  if (rows.length > 0 || offset === 0) return { rows, totals: rows[0] };
  return { rows, totals: (await fetchRows(1, 0))[0] };
}

function toPage<Row extends { total: number }>(page: FetchedPage<Row>): RowPage<Omit<Row, 'total'>> {
  return {
    total: page.totals?.total ?? 0,
    rows: page.rows.map(({ total: _total, ...row }) => row),
  };
}

/** Both activity tables in one shape, for an organisation and period (inner SQL; $1 organisation, $2–$3 dates). */
const SOURCE_ACTIVITY = `
  SELECT 'clinic' AS category, cs.source_session_id AS "sourceId", cs.session_date AS day, cs.period,
         cs.clinic_code AS location, cs.gmc_number AS "gmcNumber", cs.consultant_id AS "consultantId",
         cs.status::text AS status, NULL::time AS actual_start, NULL::time AS actual_end, NULL::int AS touch_minutes
    FROM clinic_sessions cs
   WHERE cs.organisation_id = $1 AND cs.session_date BETWEEN $2::date AND $3::date
  UNION ALL
  SELECT 'list', tl.source_list_id, tl.list_date, tl.period, tl.theatre_code, tl.gmc_number, tl.consultant_id,
         tl.status::text, tl.actual_start, tl.actual_end, tl.touch_minutes
    FROM theatre_lists tl
   WHERE tl.organisation_id = $1 AND tl.list_date BETWEEN $2::date AND $3::date`;

/** Clinic sessions and theatre lists whose GMC number matches no consultant, by date (for admins: trust-wide). */
export async function listUnknownConsultantSessions(
  database: Database,
  organisationId: number,
  period: Period,
  request: RowPageRequest = {},
): Promise<RowPage<SourceActivityRow>> {
  const page = await fetchPage(request, (limit, offset) =>
    queryRows<SourceActivityRow & { total: number }>(
      database,
      `SELECT a.category, a."sourceId", to_char(a.day, 'YYYY-MM-DD') AS date, a.period::text AS period,
              a.location, a."gmcNumber", NULL::int AS "consultantId", NULL::text AS "consultantName", a.status, count(*) OVER ()::int AS total
         FROM (${SOURCE_ACTIVITY}) a
        WHERE a."consultantId" IS NULL
        ORDER BY a.day, a.period, a.category, a."sourceId"
        LIMIT $4 OFFSET $5`,
      [organisationId, period.from, period.to, limit, offset],
    ),
  );
  return toPage(page);
}

/**
 * Groups of sessions recorded more than once (same consultant, date, period, location and category), with every
 * source id; `extraRows` counts the rows beyond the first of each group (the duplicateSessions count).
 * Each table is grouped on its own native columns and only the few repeated groups gather their ids: sorting or
 * aggregating ids for a year's 125k sessions as text took 350 ms on the 600-consultant trust; this takes ~80.
 */
export async function listDuplicateSessions(
  database: Database,
  organisationId: number,
  period: Period,
  request: RowPageRequest = {},
): Promise<RowPage<DuplicateSessionGroup> & { extraRows: number }> {
  const page = await fetchPage(request, (limit, offset) =>
    queryRows<DuplicateSessionGroup & { total: number; extraRows: number }>(
      database,
      `WITH repeated AS (
         SELECT 'clinic' AS category, session_date AS day, period, clinic_code AS location, consultant_id
           FROM clinic_sessions
          WHERE organisation_id = $1 AND session_date BETWEEN $2::date AND $3::date AND consultant_id IS NOT NULL
          GROUP BY session_date, period, clinic_code, consultant_id HAVING count(*) > 1
         UNION ALL
         SELECT 'list', list_date, period, theatre_code, consultant_id
           FROM theatre_lists
          WHERE organisation_id = $1 AND list_date BETWEEN $2::date AND $3::date AND consultant_id IS NOT NULL
          GROUP BY list_date, period, theatre_code, consultant_id HAVING count(*) > 1),
       groups AS (
         SELECT r.*, CASE r.category
           WHEN 'clinic' THEN ARRAY(SELECT cs.source_session_id FROM clinic_sessions cs
                                     WHERE cs.organisation_id = $1 AND cs.consultant_id = r.consultant_id
                                       AND cs.session_date = r.day AND cs.period = r.period
                                       AND cs.clinic_code = r.location ORDER BY cs.source_session_id)
           ELSE ARRAY(SELECT tl.source_list_id FROM theatre_lists tl
                       WHERE tl.organisation_id = $1 AND tl.consultant_id = r.consultant_id
                         AND tl.list_date = r.day AND tl.period = r.period
                         AND tl.theatre_code = r.location ORDER BY tl.source_list_id)
         END AS "sourceIds"
         FROM repeated r)
       SELECT g.category, to_char(g.day, 'YYYY-MM-DD') AS date, g.period::text AS period, g.location,
              c.gmc_number AS "gmcNumber", c.id AS "consultantId", c.name AS "consultantName", g."sourceIds",
              count(*) OVER ()::int AS total,
              (sum(cardinality(g."sourceIds")) OVER () - count(*) OVER ())::int AS "extraRows"
         FROM groups g
         JOIN consultants c ON c.organisation_id = $1 AND c.id = g.consultant_id
        ORDER BY g.day, g.period, g.category, g.location, c.gmc_number
        LIMIT $4 OFFSET $5`,
      [organisationId, period.from, period.to, limit, offset],
    ),
  );
  const { total, rows } = toPage(page);
  return {
    total,
    rows: rows.map(({ extraRows: _extra, ...row }) => row),
    extraRows: page.totals?.extraRows ?? 0,
  };
}

/** Held theatre lists missing an actual start, actual end or touch time, by date, with what each lacks. */
export async function listMissingTimestamps(
  database: Database,
  organisationId: number,
  period: Period,
  request: RowPageRequest = {},
): Promise<RowPage<MissingTimestampRow>> {
  const page = await fetchPage(request, (limit, offset) =>
    queryRows<MissingTimestampRow & { total: number }>(
      database,
      `SELECT 'list' AS category, tl.source_list_id AS "sourceId", to_char(tl.list_date, 'YYYY-MM-DD') AS date,
              tl.period::text AS period, tl.theatre_code AS location, tl.gmc_number AS "gmcNumber",
              tl.consultant_id AS "consultantId", c.name AS "consultantName", tl.status::text AS status,
              array_remove(ARRAY[CASE WHEN tl.actual_start IS NULL THEN 'actual start' END,
                                 CASE WHEN tl.actual_end IS NULL THEN 'actual end' END,
                                 CASE WHEN tl.touch_minutes IS NULL THEN 'touch time' END], NULL) AS missing,
              count(*) OVER ()::int AS total
         FROM theatre_lists tl
         LEFT JOIN consultants c ON c.organisation_id = tl.organisation_id AND c.id = tl.consultant_id
        WHERE tl.organisation_id = $1 AND tl.list_date BETWEEN $2::date AND $3::date AND tl.status = 'held'
          AND (tl.actual_start IS NULL OR tl.actual_end IS NULL OR tl.touch_minutes IS NULL)
        ORDER BY tl.list_date, tl.period, tl.source_list_id
        LIMIT $4 OFFSET $5`,
      [organisationId, period.from, period.to, limit, offset],
    ),
  );
  return toPage(page);
}

/**
 * Held sessions the ledger counts as additional for a consultant with no job plan line in force on the date
 * (the rows behind the sessionsWithoutPlan count; an all-day list is two half-day rows there and here).
 */
export async function listSessionsWithoutPlan(
  database: Database,
  organisationId: number,
  period: Period,
  request: RowPageRequest = {},
): Promise<RowPage<SessionWithoutPlanRow>> {
  const page = await fetchPage(request, (limit, offset) =>
    queryRows<SessionWithoutPlanRow & { total: number }>(
      database,
      `SELECT l.category::text AS category, COALESCE(cs.source_session_id, tl.source_list_id) AS "sourceId",
              to_char(l.session_date, 'YYYY-MM-DD') AS date, l.period::text AS period,
              COALESCE(cs.clinic_code, tl.theatre_code) AS location, c.gmc_number AS "gmcNumber",
              c.id AS "consultantId", c.name AS "consultantName",
              COALESCE(cs.status, tl.status)::text AS status, count(*) OVER ()::int AS total
         FROM ledger_sessions l
         JOIN consultants c ON c.organisation_id = l.organisation_id AND c.id = l.consultant_id
         LEFT JOIN clinic_sessions cs ON cs.organisation_id = l.organisation_id AND cs.id = l.clinic_session_id
         LEFT JOIN theatre_lists tl ON tl.organisation_id = l.organisation_id AND tl.id = l.theatre_list_id
        WHERE l.organisation_id = $1 AND l.session_date BETWEEN $2::date AND $3::date AND l.outcome = 'additional'
          AND NOT EXISTS (SELECT 1 FROM ledger_plan_lines pl
                           WHERE pl.organisation_id = l.organisation_id AND pl.consultant_id = l.consultant_id
                             AND pl.effective_from <= l.session_date
                             AND (pl.effective_to IS NULL OR pl.effective_to >= l.session_date))
        ORDER BY l.session_date, l.period, c.gmc_number, l.id
        LIMIT $4 OFFSET $5`,
      [organisationId, period.from, period.to, limit, offset],
    ),
  );
  return toPage(page);
}

/** The GMC numbers behind the sessions of unknown consultants, most sessions first (at most 50). */
async function listUnknownGmcNumbers(
  database: Database,
  organisationId: number,
  period: Period,
): Promise<{ gmcNumber: string; sessions: number }[]> {
  return queryRows(
    database,
    `SELECT gmc_number AS "gmcNumber", count(*)::int AS sessions
       FROM (SELECT gmc_number FROM clinic_sessions
              WHERE organisation_id = $1 AND consultant_id IS NULL AND session_date BETWEEN $2::date AND $3::date
             UNION ALL
             SELECT gmc_number FROM theatre_lists
              WHERE organisation_id = $1 AND consultant_id IS NULL AND list_date BETWEEN $2::date AND $3::date) u
      GROUP BY gmc_number ORDER BY sessions DESC, gmc_number LIMIT 50`,
    [organisationId, period.from, period.to],
  );
}

/** The data-quality page: every count, and one page of the rows behind each. */
export interface DataQualityReport {
  counts: DataQualityCounts;
  unknown: RowPage<SourceActivityRow>;
  noPlan: RowPage<SessionWithoutPlanRow>;
  duplicates: RowPage<DuplicateSessionGroup>;
  timestamps: RowPage<MissingTimestampRow>;
}

export type DataQualitySection = Exclude<keyof DataQualityReport, 'counts'>;

/**
 * Every data-quality count over a period with a page of the rows behind each, for the whole organisation (for
 * admins: sessions of unknown consultants belong to no specialty, so no narrower scope can hold them). The counts
 * are the lists' totals, so that a count and its rows can never disagree.
 */
export async function getDataQualityReport(
  database: Database,
  organisationId: number,
  period: Period,
  pages: Partial<Record<DataQualitySection, RowPageRequest>> = {},
): Promise<DataQualityReport> {
  const [unknown, unknownGmcNumbers, noPlan, duplicates, timestamps] = await Promise.all([
    listUnknownConsultantSessions(database, organisationId, period, pages.unknown),
    listUnknownGmcNumbers(database, organisationId, period),
    listSessionsWithoutPlan(database, organisationId, period, pages.noPlan),
    listDuplicateSessions(database, organisationId, period, pages.duplicates),
    listMissingTimestamps(database, organisationId, period, pages.timestamps),
  ]);
  return {
    counts: {
      unknownConsultantSessions: unknown.total,
      unknownGmcNumbers,
      sessionsWithoutPlan: noPlan.total,
      missingTimestamps: timestamps.total,
      duplicateSessions: duplicates.extraRows,
    },
    unknown,
    noPlan,
    duplicates,
    timestamps,
  };
}
