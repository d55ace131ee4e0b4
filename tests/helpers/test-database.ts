import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '@/lib/server/db';

/**
 * A database of the test file's own: with TEST_DATABASE_URL set (CI), a fresh PostgreSQL database created on
 * that server and dropped afterwards; otherwise an in-memory PGlite. Either way, migrated.
 */
export interface TestDatabase extends Database {
  /** Connection string of the PostgreSQL test database; undefined on PGlite. */
  url?: string;
  /** Name of the PostgreSQL test database; undefined on PGlite. */
  name?: string;
  drop(): Promise<void>;
}

export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;
export const testDatabaseKind = testServerUrl ? 'postgresql' : 'pglite';

export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  if (!testServerUrl) {
    const database = await openDatabase({ dataDir: 'memory://', migrate });
    return { ...database, drop: () => database.close() };
  }
  const name = `fulfil_test_${randomBytes(6).toString('hex')}`;
  await withServer(testServerUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabaseName(testServerUrl, name);
  const database = await openDatabase({ url, migrate });
  return {
    ...database,
    url,
    name,
    drop: async () => {
      await database.close();
      await withServer(testServerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
