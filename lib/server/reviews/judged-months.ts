/** How far back a run of months is traced: two years is longer than any review cycle. */
export const MONTHS_TRACED = 24;

/**
 * CTEs `cov`, `judged` and `months` (month, month_end): the complete calendar months, up to `asOf`, that every
 * activity category's extracts cover — a partly covered month is not evidence — at most MONTHS_TRACED of them.
 * `org` and `asOf` are bind parameters (`$n::int`, `$n::date`).
 */
export function judgedMonthsSql(org: string, asOf: string): string {
  return `
cov AS (SELECT category, date_from, date_to FROM ledger_coverage WHERE organisation_id = ${org}),
judged AS (
  SELECT date_trunc('month', (max(date_from) - 1)::timestamp + interval '1 month')::date AS first_month,
         (date_trunc('month', (LEAST(min(date_to), ${asOf}) + 1)::timestamp) - interval '1 month')::date AS last_month
    FROM cov
),
months AS (
  SELECT m::date AS month, ((m + interval '1 month')::date - 1) AS month_end
    FROM judged j,
         generate_series(GREATEST(j.first_month, (j.last_month - interval '${MONTHS_TRACED - 1} months')::date)::timestamp,
                         j.last_month::timestamp, interval '1 month') AS m
)`;
}

/**
 * CTEs `breaks` and `runs` over a CTE `${grid}` of (subject columns…, month, flag columns): for each subject, how
 * many consecutive judged months each flag has held, ending with the latest month judged (`last_month`).
 */
export function runLengthsSql(grid: string, keys: readonly string[], flags: readonly string[]): string {
  const keyList = keys.join(', ');
  const join = keys.map((key) => `b.${key} = g.${key}`).join(' AND ');
  return `
breaks AS (
  SELECT ${keyList}, max(month) AS last_month,
         ${flags.map((flag) => `COALESCE(max(month) FILTER (WHERE NOT ${flag}), '-infinity'::date) AS last_not_${flag}`).join(',\n         ')}
    FROM ${grid} GROUP BY ${keyList}
),
runs AS (
  SELECT ${keys.map((key) => `g.${key}`).join(', ')}, b.last_month,
         ${flags.map((flag) => `count(*) FILTER (WHERE g.month > b.last_not_${flag})::int AS ${flag}_run`).join(',\n         ')}
    FROM ${grid} g JOIN breaks b ON ${join}
   GROUP BY ${keys.map((key) => `g.${key}`).join(', ')}, b.last_month
)`;
}
