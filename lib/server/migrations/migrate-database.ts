import { openDatabase } from '../db';
import { applyMigrations } from './migrations';

/** Applies pending migrations to the database at `url` (PostgreSQL) or in `dataDir` (PGlite). */
export async function migrateDatabase(target: { url?: string; dataDir?: string }): Promise<string[]> {
  const database = await openDatabase(target);
  try {
    return await applyMigrations(database.adapterFactory);
  } finally {
    await database.close();
  }
}
