import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/server/db';
import { readMigrations } from '@/lib/server/migrations/migrations';
import { runCli } from '../helpers/run-cli';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

describe(`the CLI (${testDatabaseKind})`, () => {
  let db: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-cli-'));
    // On PostgreSQL the CLI gets a fresh, unmigrated database; on PGlite an empty data folder.
    if (testDatabaseKind === 'postgresql') {
      db = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: db.url ?? '', FULFIL_DATA_DIR: dataDir };
    } else {
      env = { FULFIL_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('`migrate` applies the migrations and prints them as JSON; a second run applies nothing', async () => {
    const names = (await readMigrations()).map((migration) => migration.name);
    const first = await runCli(['migrate'], env);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ database: testDatabaseKind, applied: names });

    const second = await runCli(['migrate'], env);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ database: testDatabaseKind, applied: [] });
  });

  it('`api-token:create` shows a token once and stores only its SHA-256', async () => {
    expect((await runCli(['organisation:create', 'RCL', 'CLI Trust'], env)).exitCode).toBe(0);
    const created = await runCli(['api-token:create', 'Nightly PAS drop'], env);
    expect(created.exitCode, created.stderr).toBe(0);
    const { token, id } = JSON.parse(created.stdout);
    expect(token).toMatch(/^ful_RCL_[A-Za-z0-9_-]{43}$/);
    const database = db ?? (await openDatabase({ dataDir: path.join(dataDir, 'pglite') }));
    try {
      const stored = await database.prisma.apiToken.findFirstOrThrow({ where: { id } });
      expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(token);
    } finally {
      if (!db) await database.close();
    }
  });

  it('exits 1 with the usage for an unknown command', async () => {
    const result = await runCli(['frobnicate'], env);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage: npm run --silent cli');
    expect(result.stdout).toBe('');
  });

  it('exits 1 with a clear message for an invalid DATABASE_URL', async () => {
    const result = await runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must be a postgresql:// connection string');
  });
});
