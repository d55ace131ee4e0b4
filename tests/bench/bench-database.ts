/**
 * The benchmark's PostgreSQL side: a throwaway database on the server of BENCH_DATABASE_URL, and the baseline
 * table that `psql \copy` loads.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';

export const BASELINE_TABLE = 'bench_baseline';

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // Dropping the database (cleanup on Ctrl-C) ends this connection: not a reason to crash.
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(serverUrl: string): Promise<{ name: string; url: string }> {
  const name = `fulfil_bench_${randomBytes(5).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return { name, url: withDatabaseName(serverUrl, name) };
}

export async function dropBenchDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * CSV column → clinic_sessions column where the names differ. Every other CSV column has a clinic_sessions
 * column of its own name; `consultant_id` is not in the CSV (the import derives it from gmc_number).
 */
const RENAMED: Record<string, string> = {
  session_id: 'source_session_id',
  slots_fu: 'slots_follow_up',
  additional: 'is_additional',
};

/** The baseline table's columns in the CSV's order (checked against the migrated clinic_sessions). */
export async function baselineCopyColumns(client: pg.Client): Promise<string[]> {
  const columns = IMPORT_FORMATS['clinic-sessions'].columns.map(
    (column) => RENAMED[column.name] ?? column.name,
  );
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'clinic_sessions'`,
  );
  const existing = new Set(rows.map((row) => row.column_name));
  const missing = columns.filter((column) => !existing.has(column));
  if (missing.length > 0)
    throw new Error(`clinic_sessions has no column ${missing.join(', ')}: update RENAMED`);
  return columns;
}

/** `CREATE INDEX` statements of clinic_sessions, rewritten for the baseline table (consultant_id → gmc_number). */
export async function baselineIndexSql(client: pg.Client): Promise<{ source: string[]; baseline: string[] }> {
  const { rows } = await client.query<{ definition: string }>(
    `SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index
     WHERE indrelid = 'clinic_sessions'::regclass ORDER BY indexrelid`,
  );
  const source = rows.map((row) => row.definition);
  const baseline = source.map((definition) =>
    definition
      .replace(/INDEX clinic_sessions_/, `INDEX ${BASELINE_TABLE}_`)
      .replace(/ ON (public\.)?clinic_sessions /, ` ON ${BASELINE_TABLE} `)
      .replace(/\bconsultant_id\b/g, 'gmc_number'),
  );
  return { source, baseline };
}

/**
 * The baseline: clinic_sessions' columns, types and defaults (LIKE … INCLUDING DEFAULTS), its own id sequence,
 * organisation_id defaulting to the benchmark organisation, and clinic_sessions' indexes re-created on it.
 */
export async function createBaselineTable(client: pg.Client, organisationId: number): Promise<string[]> {
  const { baseline } = await baselineIndexSql(client);
  await client.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`);
  await client.query(`CREATE TABLE ${BASELINE_TABLE} (LIKE clinic_sessions INCLUDING DEFAULTS)`);
  await client.query(`CREATE SEQUENCE ${BASELINE_TABLE}_id_seq OWNED BY ${BASELINE_TABLE}.id`);
  await client.query(
    `ALTER TABLE ${BASELINE_TABLE}
       ALTER COLUMN id SET DEFAULT nextval('${BASELINE_TABLE}_id_seq'),
       ALTER COLUMN organisation_id SET DEFAULT ${Number(organisationId)}`,
  );
  for (const statement of baseline) await client.query(statement);
  return baseline;
}

/** Truncates the table and checkpoints, so each timed load starts from the same state. */
export async function resetTable(client: pg.Client, table: string): Promise<void> {
  await client.query(`TRUNCATE ${table} RESTART IDENTITY`);
  await checkpoint(client);
}

/** CHECKPOINT (superuser only): a timed step should not pay for the previous step's dirty pages. */
export async function checkpoint(client: pg.Client): Promise<void> {
  await client.query('CHECKPOINT').catch(() => undefined);
}

/** The psql command that loads `file` into the baseline table. */
export function psqlCopyArgs(databaseUrl: string, file: string, columns: readonly string[]): string[] {
  const quotedFile = file.replaceAll("'", "''");
  return [
    databaseUrl,
    '--no-psqlrc',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `\\copy ${BASELINE_TABLE} (${columns.join(', ')}) FROM '${quotedFile}' WITH (FORMAT csv, HEADER true)`,
  ];
}

export async function countRows(client: pg.Client, table: string): Promise<number> {
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}`);
  return rows[0]?.count ?? 0;
}

export async function serverVersion(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  return rows[0]?.server_version ?? 'unknown';
}

/** Ends the server sessions still working in `database` (a killed CLI leaves its statement running). */
export async function terminateSessions(client: pg.Client, database: string): Promise<void> {
  await client.query(
    'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
}
