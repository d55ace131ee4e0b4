import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { NO_FILTERS, startSchemaEngine } from './schema-engine';

/** Prisma's migrations folder: one `<timestamp>_<name>/migration.sql` per migration, plus migration_lock.toml. */
export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
}

/** The migrations on disk, oldest first (directory names start with a UTC timestamp). */
export async function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(/* turbopackIgnore: true */ migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      sql: await readFile(
        /* turbopackIgnore: true */ path.join(migrationsDir, name, 'migration.sql'),
        'utf8',
      ),
    })),
  );
}

/**
 * Applies the migrations not yet applied, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` would. Returns the names applied (none when the database is up to date).
 */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir);
  const lockfilePath = path.join(migrationsDir, 'migration_lock.toml');
  const engine = await startSchemaEngine(adapterFactory);
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: {
          path: lockfilePath,
          content: await readFile(/* turbopackIgnore: true */ lockfilePath, 'utf8'),
        },
        shadowDbInitScript: '',
        migrationDirectories: migrations.map((migration) => ({
          // The engine records this path as the migration name: it must be the bare directory name.
          path: migration.name,
          migrationFile: {
            path: 'migration.sql',
            content: { tag: 'ok' as const, value: migration.sql },
          },
        })),
      },
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
