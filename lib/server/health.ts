import type { HealthResponse } from '@/lib/shared/schemas/health';
import packageJson from '@/package.json' with { type: 'json' };
import { type Database, getDatabase } from './db';
import { readMigrations } from './migrations/migrations';

/**
 * Whether the app can serve: the database answers and every migration on disk has been applied.
 * `degraded` = reachable but migrations pending; `error` = the database cannot be reached.
 */
export async function getHealth(
  openDatabase: () => Promise<Database> = getDatabase,
): Promise<HealthResponse> {
  const onDisk = (await readMigrations()).map((migration) => migration.name);
  const base = { version: packageJson.version, checkedAt: new Date().toISOString() };
  let database: Database;
  try {
    database = await openDatabase();
    await database.prisma.$queryRaw`SELECT 1`;
  } catch (error) {
    return {
      ...base,
      status: 'error',
      database: { kind: null, reachable: false, error: describeError(error) },
      migrations: { applied: 0, total: onDisk.length, pending: onDisk, latest: null },
    };
  }
  const applied = await getAppliedMigrationNames(database);
  const pending = onDisk.filter((name) => !applied.includes(name));
  return {
    ...base,
    status: pending.length === 0 ? 'ok' : 'degraded',
    database: { kind: database.kind, reachable: true },
    migrations: { applied: applied.length, total: onDisk.length, pending, latest: applied.at(-1) ?? null },
  };
}

async function getAppliedMigrationNames(database: Database): Promise<string[]> {
  const [{ exists }] = await database.prisma.$queryRaw<[{ exists: boolean }]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`;
  if (!exists) return [];
  const rows = await database.prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name`;
  return rows.map((row) => row.migration_name);
}

function describeError(error: unknown): string {
  // Connection errors can carry the connection string; report only the first line of the message.
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? 'unknown error').replace(/postgres(ql)?:\/\/\S+/g, 'postgresql://…');
}
