import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/server/db';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import { clinicRow, consultantRow, csvOf, importCsv } from '../helpers/import-helpers';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

const BIG_FILE_ROWS = 400_000;

/** A large, valid clinic-sessions file, so that an import of it is still running when it is killed. */
async function writeBigClinicFile(file: string): Promise<void> {
  const columns = IMPORT_FORMATS['clinic-sessions'].columns.map((column) => column.name);
  const out = createWriteStream(file);
  out.write(`${columns.join(',')}\n`);
  for (let i = 0; i < BIG_FILE_ROWS; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
    const row = clinicRow(`BIG${i}`, day);
    if (!out.write(`${columns.map((column) => row[column as keyof typeof row] ?? '').join(',')}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

describe(`an import killed mid-way (${testDatabaseKind})`, () => {
  let workDir: string;
  let db: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'fulfil-crash-'));
    if (testDatabaseKind === 'postgresql') {
      db = await createTestDatabase();
      env = { DATABASE_URL: db.url ?? '' };
    } else {
      env = { FULFIL_DATA_DIR: workDir };
    }
    await writeFile(path.join(workDir, 'consultants.csv'), csvOf('consultants', [consultantRow('4000001')]));
    await writeFile(
      path.join(workDir, 'small.csv'),
      csvOf('clinic-sessions', [clinicRow('KEEP1', '2025-06-02')]),
    );
    await writeBigClinicFile(path.join(workDir, 'big.csv'));
    for (const args of [
      ['organisation:create', 'RKL', 'Kill Trust'],
      ['import', 'consultants', path.join(workDir, 'consultants.csv')],
      ['import', 'clinic-sessions', path.join(workDir, 'small.csv')],
    ]) {
      const result = await runCli(args, env);
      expect(result.exitCode, result.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await db?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('leaves the database exactly as it was', async () => {
    const child = spawn(
      path.resolve('node_modules/.bin/tsx'),
      ['lib/cli/index.ts', 'import', 'clinic-sessions', path.join(workDir, 'big.csv'), '--progress'],
      { env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    // Kill it hard once it has read (and staged) a good part of the file.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        const lines = chunk
          .toString()
          .split('\n')
          .filter((line) => line.startsWith('{"progress"'));
        const last = lines.at(-1);
        if (last && JSON.parse(last).progress.rowsRead >= 100_000) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the import finished before it could be killed: ${stdout}`)));
    });
    const exit = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    expect(exit).toBe('SIGKILL');
    expect(stdout).toBe('');

    const database = db ?? (await openDatabase({ dataDir: path.join(workDir, 'pglite'), migrate: true }));
    try {
      const sessions = await database.prisma.clinicSession.findMany({ select: { sourceSessionId: true } });
      expect(sessions.map((session) => session.sourceSessionId)).toEqual(['KEEP1']);
      const batches = await database.prisma.importBatch.findMany({ select: { kind: true, status: true } });
      expect(batches).toEqual([
        { kind: 'consultants', status: 'committed' },
        { kind: 'clinic_sessions', status: 'committed' },
      ]);
    } finally {
      if (!db) await database.close();
    }
  });
});

describe(`two imports at once (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let organisationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    organisationId = (await db.prisma.organisation.create({ data: { code: 'RCC', name: 'Concurrent' } })).id;
    await importCsv(db, organisationId, 'consultants', csvOf('consultants', [consultantRow('4000001')]));
  });
  afterAll(() => db.drop());

  it('do not corrupt each other: both commit and the result is the same in either order', async () => {
    const fileA = csvOf(
      'clinic-sessions',
      ['2026-01-05', '2026-01-06', '2026-01-07'].map((day, i) => clinicRow(`S${i + 1}`, day)),
    );
    const fileB = csvOf(
      'clinic-sessions',
      ['2026-01-07', '2026-01-08', '2026-01-09'].map((day, i) => clinicRow(`S${i + 3}`, day)),
    );
    const [a, b] = await Promise.all([
      importCsv(db, organisationId, 'clinic-sessions', fileA),
      importCsv(db, organisationId, 'clinic-sessions', fileB),
    ]);
    expect([a.status, b.status]).toEqual(['committed', 'committed']);
    expect(a.rows.inserted + b.rows.inserted).toBe(5);
    expect(a.rows.unchanged + b.rows.unchanged).toBe(1);
    const stored = await db.prisma.clinicSession.findMany({ orderBy: { sourceSessionId: 'asc' } });
    expect(stored.map((session) => session.sourceSessionId)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
  });
});
