import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  diffSchemas,
  isEmptyMigration,
  SCHEMA_PATH,
  SNAPSHOT_FILE,
} from '@/lib/server/migrations/create-migration';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from '@/lib/server/migrations/migrations';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

interface RuntimeField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  dbName?: string;
}
interface RuntimeModel {
  dbName: string | null;
  fields: RuntimeField[];
}

describe('migrations', () => {
  let db: TestDatabase;
  let firstRun: string[];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    firstRun = await applyMigrations(db.adapterFactory);
  });
  afterAll(() => db.drop());

  it('applies every migration on disk to a fresh database, in order', async () => {
    const onDisk = (await readMigrations()).map((migration) => migration.name);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(onDisk);
    const recorded = await db.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(onDisk);
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db.adapterFactory)).toEqual([]);
  });

  it('creates a column for every field the Prisma client knows', async () => {
    const models = (db.prisma as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })
      ._runtimeDataModel.models;
    const columns = await db.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
    const existing = new Set(columns.map((column) => `${column.table_name}.${column.column_name}`));
    const expected = Object.entries(models).flatMap(([modelName, model]) =>
      model.fields
        .filter((field) => field.kind !== 'object')
        .map((field) => `${model.dbName ?? modelName}.${field.dbName ?? field.name}`),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.filter((column) => !existing.has(column))).toEqual([]);
  });

  it('has no schema change without a migration (schema.prisma equals the last migration snapshot)', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const snapshot = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, SNAPSHOT_FILE), 'utf8');
    const pending = await diffSchemas(snapshot, schema);
    expect(isEmptyMigration(pending), `schema.prisma changed without a migration:\n${pending}`).toBe(true);
  });

  it('leads every primary key, unique constraint, index and foreign key with organisation_id', async () => {
    const indexes = await db.prisma.$queryRaw<
      { table_name: string; index_name: string; first_column: string }[]
    >`
      SELECT t.relname AS table_name, i.relname AS index_name, a.attname AS first_column
      FROM pg_index x
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
      WHERE n.nspname = 'public' AND t.relname NOT IN ('organisations', '_prisma_migrations')`;
    expect(indexes.length).toBeGreaterThan(20);
    expect(indexes.filter((index) => index.first_column !== 'organisation_id')).toEqual([]);

    const foreignKeys = await db.prisma.$queryRaw<{ constraint_name: string; first_column: string }[]>`
      SELECT c.conname AS constraint_name, a.attname AS first_column
      FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE n.nspname = 'public' AND c.contype = 'f'`;
    expect(foreignKeys.length).toBeGreaterThan(10);
    expect(foreignKeys.filter((fk) => fk.first_column !== 'organisation_id')).toEqual([]);
  });

  it('gives every data table an organisation_id column', async () => {
    const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT t.table_name FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT IN ('organisations', '_prisma_migrations')
        AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                        WHERE c.table_schema = 'public' AND c.table_name = t.table_name
                          AND c.column_name = 'organisation_id')`;
    expect(tables).toEqual([]);
  });
});
