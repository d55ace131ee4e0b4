import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigration, SCHEMA_PATH, SNAPSHOT_FILE } from '@/lib/server/migrations/create-migration';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from '@/lib/server/migrations/migrations';
import { createTestDatabase } from '../helpers/test-database';

const NEW_MODEL = `
model MigrationProbe {
  organisationId Int    @map("organisation_id")
  id             Int    @default(autoincrement())
  body           String

  @@id([organisationId, id])
  @@map("migration_probes")
}
`;

describe('creating the next migration from a schema change', () => {
  let workDir: string;
  let migrationsDir: string;
  let schemaPath: string;

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'fulfil-migration-'));
    migrationsDir = path.join(workDir, 'migrations');
    schemaPath = path.join(workDir, 'schema.prisma');
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await cp(SCHEMA_PATH, schemaPath);
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it('writes nothing when the schema has not changed', async () => {
    expect(await createMigration('no_change', { migrationsDir, schemaPath })).toBeUndefined();
    expect((await readdir(migrationsDir)).filter((name) => name.endsWith('_no_change'))).toEqual([]);
  });

  it('rejects a name that is not snake_case', async () => {
    await expect(createMigration('Add Notes', { migrationsDir, schemaPath })).rejects.toThrow(/lower-case/);
  });

  it('writes the SQL of a new model in Prisma’s layout, updates the snapshot, and the result applies', async () => {
    await writeFile(schemaPath, (await readFile(schemaPath, 'utf8')) + NEW_MODEL);
    const created = await createMigration('add_migration_probes', {
      migrationsDir,
      schemaPath,
      now: new Date('2099-01-02T03:04:05Z'),
    });
    expect(created?.name).toBe('20990102030405_add_migration_probes');
    const sql = await readFile(
      path.join(migrationsDir, '20990102030405_add_migration_probes', 'migration.sql'),
      'utf8',
    );
    expect(sql).toContain('CREATE TABLE "migration_probes"');
    expect(sql).not.toContain('CREATE TABLE "consultants"');
    expect(await readFile(path.join(migrationsDir, SNAPSHOT_FILE), 'utf8')).toContain('model MigrationProbe');

    const db = await createTestDatabase({ migrate: false });
    try {
      const applied = await applyMigrations(db.adapterFactory, migrationsDir);
      expect(applied.at(-1)).toBe('20990102030405_add_migration_probes');
      const [row] = await db.prisma.$queryRaw<[{ exists: boolean }]>`
        SELECT to_regclass('public.migration_probes') IS NOT NULL AS exists`;
      expect(row.exists).toBe(true);
    } finally {
      await db.drop();
    }
  });
});

describe('naming the next migration', () => {
  it('sorts after the latest migration even when the clock is behind it', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'fulfil-migration-clock-'));
    try {
      const migrationsDir = path.join(workDir, 'migrations');
      const schemaPath = path.join(workDir, 'schema.prisma');
      await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
      await writeFile(schemaPath, (await readFile(SCHEMA_PATH, 'utf8')) + NEW_MODEL);
      const latest =
        (await readdir(migrationsDir))
          .filter((name) => /^\d{14}_/.test(name))
          .sort()
          .at(-1) ?? '';
      const created = await createMigration('behind_clock', {
        migrationsDir,
        schemaPath,
        now: new Date('2000-01-01'),
      });
      expect(created!.name > latest).toBe(true);
      expect(created!.name.slice(0, 14)).not.toBe('20000101000000');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
