import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDataDir, getEnv } from '@/lib/env';
import { openDatabase, pgliteDataDir } from '@/lib/server/db';
import { runGenerateDemo } from '@/lib/server/demo/cli';
import { createMigration } from '@/lib/server/migrations/create-migration';
import { migrateDatabase } from '@/lib/server/migrations/migrate-database';
import { setupDemo } from '@/lib/server/seed/demo-setup';

/**
 * `npm run --silent cli -- <command> [options]`. Each command prints one JSON object on stdout.
 * Exit status: 0 success, 1 failure (2 is reserved for a rejected import).
 */
const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  migrate                        Apply pending migrations to DATABASE_URL (or the embedded database)
  migration:create <name>        Write the next migration from changes to prisma/schema.prisma
  demo:generate [options]        Write the demo trust's CSV extracts
      --seed N --consultants N --months N --end YYYY-MM-DD --out DIR
  demo:setup [options]           Migrate, then generate and load the demo trust if the database has none
      --seed N --consultants N --months N --csv-dir DIR`;

type Command = (args: string[]) => Promise<unknown>;

function databaseTarget() {
  const env = getEnv();
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: pgliteDataDir() };
}

const commands: Record<string, Command> = {
  async migrate() {
    const target = databaseTarget();
    const applied = await migrateDatabase(target);
    return { database: target.url ? 'postgresql' : 'pglite', applied };
  },

  async 'migration:create'(args) {
    const [name] = args;
    if (!name) throw new UsageError('migration:create needs a name, e.g. add_annotations');
    const created = await createMigration(name);
    return created
      ? { created: created.name, statements: created.sql.split(';').length - 1 }
      : { created: null };
  },

  async 'demo:generate'(args) {
    return runGenerateDemo(args);
  },

  async 'demo:setup'(args) {
    const { values } = parseArgs({
      args,
      options: {
        seed: { type: 'string' },
        consultants: { type: 'string' },
        months: { type: 'string' },
        'csv-dir': { type: 'string' },
      },
    });
    const database = await openDatabase({ ...databaseTarget(), migrate: true });
    try {
      return await setupDemo(database, {
        csvDir: path.resolve(values['csv-dir'] ?? path.join(getDataDir(), 'demo-csv')),
        seed: toInteger(values.seed, '--seed'),
        consultants: toInteger(values.consultants, '--consultants'),
        months: toInteger(values.months, '--months'),
      });
    } finally {
      await database.close();
    }
  },
};

class UsageError extends Error {}

function toInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `Unknown command "${name}".\n\n` : ''}${USAGE}\n`);
    return 1;
  }
  try {
    const result = await command(args);
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
