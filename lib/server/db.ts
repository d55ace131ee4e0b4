import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { getDataDir, getEnv } from '@/lib/env';
import { PrismaClient } from '@/lib/server/generated/prisma/client';
import { applyMigrations } from '@/lib/server/migrations/migrations';

// Not marked 'server-only': the CLI and the tests use this module outside Next.js too.

/** Memory for each sort or hash of the app's own queries (imports raise it further in their transaction). */
const APP_WORK_MEM = '32MB';

export type DatabaseKind = 'postgresql' | 'pglite';

/** The driver under Prisma, for the few jobs Prisma is not made for (bulk COPY in imports). */
export type DatabaseDriver = { kind: 'postgresql'; pool: pg.Pool } | { kind: 'pglite'; pglite: PGlite };

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  driver: DatabaseDriver;
  /** The driver adapter factory behind `prisma`, for the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, an embedded PGlite database is used. */
  url?: string;
  /** PGlite data folder, or `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Apply pending migrations before returning. */
  migrate?: boolean;
}

/**
 * Opens Fulfil's database: PostgreSQL through the pg driver adapter when a URL is given, otherwise the
 * embedded, in-process PGlite. Both run the same Prisma client and the same SQL.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.url ? openPostgres(options.url) : await openPglite(options.dataDir ?? 'memory://');
  if (options.migrate) {
    try {
      await applyMigrations(database.adapterFactory);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(url: string): Database {
  // One pool that we own and end ourselves: the schema engine connects through the same factory and does not
  // dispose what it opens, so a pool per connect() would keep the process alive after migrating.
  // The dashboards' aggregates (hundreds of thousands of ledger rows grouped by week or month) spill their sorts
  // to disk at PostgreSQL's default 4 MB and run several times slower; the app's few connections can afford more.
  // JIT off: the planner overestimates the ledger's generate_series joins, so JIT compiled them for seconds (2.4 of
  // the 2.7 s an incremental refresh took; 4.0 of 4.1 s for a monthly series) to save milliseconds.
  const pool = new pg.Pool({ connectionString: url, options: `-c work_mem=${APP_WORK_MEM} -c jit=off` });
  const adapterFactory = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'postgresql',
    driver: { kind: 'postgresql', pool },
    adapterFactory,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded only when used: a PostgreSQL deployment never needs the embedded database's WASM.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
  ]);
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir });
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: 'pglite',
    driver: { kind: 'pglite', pglite },
    adapterFactory,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** The embedded database lives in `<FULFIL_DATA_DIR>/pglite`. */
export function pgliteDataDir(env = getEnv()): string {
  return path.join(getDataDir(env), 'pglite');
}

// One database per process. Kept on globalThis so that Next.js dev reloads reuse it: two PGlite instances on
// the same data folder would corrupt it.
const globalForDatabase = globalThis as unknown as { fulfilDatabase?: Promise<Database> };

/**
 * The process's database, configured from the environment (DATABASE_URL, else PGlite in FULFIL_DATA_DIR).
 * The embedded database is migrated automatically on first use; PostgreSQL is migrated by `npm run db:migrate`.
 */
export function getDatabase(): Promise<Database> {
  globalForDatabase.fulfilDatabase ??= (async () => {
    const env = getEnv();
    return env.DATABASE_URL
      ? openDatabase({ url: env.DATABASE_URL })
      : openDatabase({ dataDir: pgliteDataDir(env), migrate: true });
  })();
  globalForDatabase.fulfilDatabase.catch(() => {
    globalForDatabase.fulfilDatabase = undefined;
  });
  return globalForDatabase.fulfilDatabase;
}

/** Makes `database` the process's database (for the CLI and tests, which open their own). */
export function useDatabase(database: Database): void {
  globalForDatabase.fulfilDatabase = Promise.resolve(database);
}

/** The Prisma client of the process's database. */
export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
