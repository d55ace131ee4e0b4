import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '@/lib/server/db';
import { getUnitReport, type UnitReport } from '@/lib/server/metrics/unit-report';
import { trustWideScope } from '@/lib/shared/scope';
import { clinicRow, consultantRow, csvOf, importCsv } from '../helpers/import-helpers';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

/** One consultant with two held clinics (10 and 14 patients) and one cancelled, none planned: all additional. */
async function loadScenario(database: Database): Promise<UnitReport> {
  const organisation = await database.prisma.organisation.create({
    data: { code: 'RCM', name: 'Report Trust', parameters: { create: {} } },
  });
  await importCsv(database, organisation.id, 'consultants', csvOf('consultants', [consultantRow('1234567')]));
  const clinics = await importCsv(
    database,
    organisation.id,
    'clinic-sessions',
    csvOf('clinic-sessions', [
      clinicRow('S1', '2026-03-02', { gmc_number: '1234567', attended: 10, booked: 10 }),
      clinicRow('S2', '2026-03-09', {
        gmc_number: '1234567',
        attended: 14,
        booked: 16,
        first_attendances: 4,
        follow_up_attendances: 10,
      }),
      clinicRow('S3', '2026-03-16', {
        gmc_number: '1234567',
        status: 'cancelled',
        cancel_reason: 'Room unavailable',
        cancelled_on: '2026-03-10',
        booked: 0,
        attended: 0,
        dna: 0,
        patient_cancelled: 0,
        first_attendances: 0,
        follow_up_attendances: 0,
      }),
    ]),
  );
  if (clinics.status !== 'committed') throw new Error(JSON.stringify(clinics.errors));
  return getUnitReport(database, trustWideScope(organisation.id), {
    level: 'consultant',
    period: { from: '2026-03-01', to: '2026-03-31' },
    activity: 'all',
  });
}

const REFERENCE = path.resolve(import.meta.dirname, '../fixtures/stats-reference');

/** `report` and `stats` from outside, as an operator or another program would run them. */
describe(`the CLI's report and stats commands (${testDatabaseKind})`, () => {
  let db: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let direct: UnitReport;

  beforeAll(async () => {
    // The CLI is another process: on PostgreSQL it gets the test database's URL; on PGlite, a data folder (an
    // in-memory PGlite cannot be shared), loaded here and closed before the CLI opens it.
    dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-cli-metrics-'));
    db = testDatabaseKind === 'postgresql' ? await createTestDatabase() : undefined;
    const database = db ?? (await openDatabase({ dataDir: path.join(dataDir, 'pglite'), migrate: true }));
    env = db?.url ? { DATABASE_URL: db.url } : { FULFIL_DATA_DIR: dataDir };
    try {
      direct = await loadScenario(database);
    } finally {
      if (!db) await database.close();
    }
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('`report` prints one JSON row per unit, equal to the server function', async () => {
    const result = await runCli(
      ['report', '--level', 'consultant', '--from', '2026-03-01', '--to', '2026-03-31'],
      env,
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const [row] = JSON.parse(result.stdout);
    expect(row).toMatchObject({
      level: 'consultant',
      key: '1234567',
      name: 'Dr 1234567',
      plannedSessions: 0,
      delivered: 0,
      additional: 2,
      heldSessions: 2,
      patients: 24,
      casesPerSession: 12,
      fulfilmentNet: null,
      lost: {
        leaveAdequateNotice: 0,
        leaveShortNotice: 0,
        sickness: 0,
        hospitalCancelled: 0,
        notScheduled: 0,
      },
      opportunityPerWeek: { fulfilment: 0 },
    });
    expect(row.patientsPerWeek).toBeCloseTo(direct.rows[0]?.patientsPerWeek ?? Number.NaN, 12);
  });

  it('`report --format csv` prints a header and flattened columns', async () => {
    const result = await runCli(
      [
        'report',
        '--level',
        'trust',
        '--from',
        '2026-03-01',
        '--to',
        '2026-03-31',
        '--activity',
        'clinic',
        '--format',
        'csv',
      ],
      env,
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      level: 'trust',
      key: 'RCM',
      name: 'Report Trust',
      patients: '24',
      'lost.notScheduled': '0',
    });
  });

  it('`report` names the bad option and what it expected', async () => {
    const result = await runCli(
      ['report', '--level', 'ward', '--from', '2026-03-01', '--to', '2026-03-31'],
      env,
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      '--level must be one of consultant, specialty, division, trust; got ward',
    );
    const dates = await runCli(
      ['report', '--level', 'trust', '--from', '2026-03-31', '--to', '2026-03-01'],
      env,
    );
    expect(dates.exitCode).toBe(1);
    expect(dates.stderr).toContain('the end on or after the start');
  });

  it('`import --defer-ledger` leaves the ledger to `ledger:refresh`', async () => {
    const file = path.join(dataDir, 'more-clinics.csv');
    await writeFile(
      file,
      csvOf('clinic-sessions', [
        clinicRow('S4', '2026-03-23', { gmc_number: '1234567', attended: 10, booked: 10 }),
      ]),
    );
    const imported = await runCli(['import', 'clinic-sessions', file, '--defer-ledger'], env);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).ledger).toBeNull();
    const before = await runCli(
      ['report', '--level', 'trust', '--from', '2026-03-01', '--to', '2026-03-31'],
      env,
    );
    expect(JSON.parse(before.stdout)[0].patients).toBe(24);
    const refreshed = await runCli(['ledger:refresh'], env);
    expect(refreshed.exitCode, refreshed.stderr).toBe(0);
    const after = await runCli(
      ['report', '--level', 'trust', '--from', '2026-03-01', '--to', '2026-03-31'],
      env,
    );
    expect(JSON.parse(after.stdout)[0].patients).toBe(34);
  });

  it('`stats spc` reproduces the reference limits from stdin JSON', async () => {
    const reference = JSON.parse(await readFile(path.join(REFERENCE, 'spc_01_rnorm20_seed123.json'), 'utf8'));
    const points = reference.input.dates.map((x: string, i: number) => ({ x, y: reference.input.values[i] }));
    const result = await runCli(
      ['stats', 'spc'],
      {},
      JSON.stringify({ points, improvementDirection: 'increase' }),
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    const expected = reference.cases[0].expected.summary[0];
    expect(output.points[0].mean).toBeCloseTo(expected.mean_col, 9);
    expect(output.points[0].lpl).toBeCloseTo(expected.lpl, 9);
    expect(output.points[0].upl).toBeCloseTo(expected.upl, 9);
    expect(output.variation.icon).toBe('common_cause');
  });

  it('`stats funnel` reproduces the reference over-dispersion for proportions', async () => {
    const reference = JSON.parse(
      await readFile(path.join(REFERENCE, 'funnel_03_proportion_ten_groups.json'), 'utf8'),
    );
    const { group, numerator, denominator } = reference.input;
    const units = group.map((id: string, i: number) => ({
      id,
      numerator: numerator[i],
      denominator: denominator[i],
    }));
    const result = await runCli(['stats', 'funnel'], {}, JSON.stringify({ type: 'proportion', units }));
    expect(result.exitCode, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    const expected = reference.cases[0].expected;
    expect(output.phi).toBeCloseTo(expected.phi, 9);
    expect(output.tau2).toBeCloseTo(expected.tau2, 9);
    expect(output.target).toBeCloseTo(expected.target, 9);
  });

  it('`stats` rejects a request it cannot read, saying where', async () => {
    const result = await runCli(['stats', 'spc'], {}, '{"points": "x"}');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('points');
    expect(result.stderr).not.toContain('    at ');
  });
});
