import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDataDir, getEnv } from '@/lib/env';
import { openDatabase, pgliteDataDir } from '@/lib/server/db';
import { FileOpenError, openFileForImport } from '@/lib/server/ingest/open-file';
import { resolveOrganisation, UnknownOrganisationError } from '@/lib/server/ingest/organisation';
import { migrateDatabase } from '@/lib/server/migrations/migrate-database';
import { IMPORT_KIND_SLUGS, isImportKindSlug } from '@/lib/shared/import-formats';
import { ReportUsageError } from './report';

/**
 * `npm run --silent cli -- <command> [options]`. Each command prints one JSON object on stdout.
 * Exit status: 0 success, 1 failure (2 is reserved for a rejected import).
 */
const USAGE = `Usage: npm run --silent cli -- <command> [options]

Commands:
  import <kind> <file> [--dry-run] [--organisation CODE] [--progress] [--defer-ledger]
                                 Import an extract (CSV or XLSX). Kinds: ${IMPORT_KIND_SLUGS.join(', ')}
                                 --progress writes progress lines (JSON) to stderr as the file is read
                                 --defer-ledger leaves the ledger refresh for later (loading several files:
                                 the next import or ledger:refresh brings it up to date)
                                 Exit status: 0 imported (or unchanged, or dry run), 2 file rejected, 1 failure
  organisation:create <ODS code> <name>
                                 Create the trust (with default parameters) before its first import
  api-token:create <name> [--organisation CODE]
                                 Create an API token for automated imports (POST /api/imports); shown once
  migrate                        Apply pending migrations to DATABASE_URL (or the embedded database)
  migration:create <name>        Write the next migration from changes to prisma/schema.prisma
  demo:generate [options]        Write the demo trust's CSV extracts
      --seed N --consultants N --months N --end YYYY-MM-DD --out DIR
  report --level consultant|specialty|division|trust --from YYYY-MM-DD --to YYYY-MM-DD
         [--activity clinic|list|all] [--format json|csv] [--organisation CODE]
                                 Print the metrics for every unit at that level over the period
  stats spc|funnel               Read a statistics request (JSON) on stdin; write the result (JSON)
  ledger:refresh [--organisation CODE]
                                 Rebuild the whole session ledger (imports refresh it incrementally)
  demo:setup [options]           Migrate, then generate and load the demo trust if the database has none
      --seed N --consultants N --months N --csv-dir DIR`;

/** A command returns what to print, and optionally its own exit status. */
type Command = (args: string[]) => Promise<unknown>;

class ExitStatus {
  constructor(
    readonly code: number,
    readonly output: unknown,
  ) {}
}

function databaseTarget() {
  const env = getEnv();
  return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: pgliteDataDir() };
}

const commands: Record<string, Command> = {
  async import(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        organisation: { type: 'string' },
        progress: { type: 'boolean', default: false },
        'defer-ledger': { type: 'boolean', default: false },
      },
    });
    const [kind, file] = positionals;
    if (!kind || !isImportKindSlug(kind)) {
      throw new UsageError(`import needs a kind, one of: ${IMPORT_KIND_SLUGS.join(', ')}`);
    }
    if (!file) throw new UsageError('import needs the path of the file to import');
    const { importFile } = await import('@/lib/server/ingest/import-file');
    const target = databaseTarget();
    // The embedded database is migrated on open; a PostgreSQL server is migrated by `migrate` (npm run db:migrate).
    const database = await openDatabase({ ...target, migrate: target.url === undefined });
    try {
      const organisation = await resolveOrganisation(database, values.organisation);
      const result = await importFile(database, {
        organisationId: organisation.id,
        kind,
        input: await openFileForImport(file),
        fileName: path.basename(file),
        dryRun: values['dry-run'],
        refreshLedger: !values['defer-ledger'],
        onProgress: values.progress
          ? (progress) => process.stderr.write(`${JSON.stringify({ progress })}\n`)
          : undefined,
      });
      const { batchId, kind: importedKind, status, rows, warnings, errors, ...details } = result;
      const output = { batchId, kind: importedKind, status, rows, warnings, errors, ...details };
      return new ExitStatus(status === 'rejected' ? 2 : 0, output);
    } finally {
      await database.close();
    }
  },

  async 'organisation:create'(args) {
    const [code, name] = args;
    if (!code || !/^[A-Z0-9]{3,10}$/.test(code) || !name) {
      throw new UsageError(
        'organisation:create needs an ODS code (capitals and digits, e.g. RXX) and a name',
      );
    }
    const database = await openDatabase({ ...databaseTarget(), migrate: true });
    try {
      const organisation = await database.prisma.organisation.create({
        data: { code, name, parameters: { create: {} } },
      });
      return { id: organisation.id, code: organisation.code, name: organisation.name };
    } finally {
      await database.close();
    }
  },

  async 'api-token:create'(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { organisation: { type: 'string' } },
    });
    const [name] = positionals;
    if (!name)
      throw new UsageError(
        'api-token:create needs a name saying what the token is for, e.g. "Nightly PAS drop"',
      );
    const { createApiToken } = await import('@/lib/server/auth/api-tokens');
    const database = await openDatabase({ ...databaseTarget(), migrate: true });
    try {
      const organisation = await resolveOrganisation(database, values.organisation);
      const { token, id } = await createApiToken(database.prisma, organisation.id, name);
      return {
        id,
        name,
        organisation: organisation.code,
        token,
        note: 'Store this token now: it is not shown again.',
      };
    } finally {
      await database.close();
    }
  },

  async migrate() {
    const target = databaseTarget();
    const applied = await migrateDatabase(target);
    return { database: target.url ? 'postgresql' : 'pglite', applied };
  },

  async 'migration:create'(args) {
    const [name] = args;
    if (!name) throw new UsageError('migration:create needs a name, e.g. add_annotations');
    const { createMigration } = await import('@/lib/server/migrations/create-migration');
    const created = await createMigration(name);
    return created
      ? { created: created.name, statements: created.sql.split(';').length - 1 }
      : { created: null };
  },

  async report(args) {
    const { runReport } = await import('./report');
    const database = await openDatabase({ ...databaseTarget(), migrate: databaseTarget().url === undefined });
    try {
      const { json, text } = await runReport(database, args);
      return text === undefined ? json : new TextOutput(text);
    } finally {
      await database.close();
    }
  },

  async stats(args) {
    const [kind] = args;
    if (kind !== 'spc' && kind !== 'funnel') throw new UsageError('stats needs spc or funnel');
    const { runStatsRequest, StatsRequestError } = await import('@/lib/shared/stats/request');
    const input = await readStdin();
    let request: unknown;
    try {
      request = JSON.parse(input);
    } catch {
      throw new UsageError(`stats ${kind} reads a JSON request on stdin; what came was not JSON`);
    }
    try {
      return runStatsRequest(kind, request);
    } catch (error) {
      // A request the library cannot read: its message says what and where; no stack trace.
      if (error instanceof StatsRequestError) throw new InputError(error.message);
      throw error;
    }
  },

  async 'ledger:refresh'(args) {
    const { values } = parseArgs({ args, options: { organisation: { type: 'string' } } });
    const { refreshLedger } = await import('@/lib/server/ledger/refresh-ledger');
    const target = databaseTarget();
    const database = await openDatabase({ ...target, migrate: target.url === undefined });
    try {
      const organisation = await resolveOrganisation(database, values.organisation);
      return await refreshLedger(database, organisation.id);
    } finally {
      await database.close();
    }
  },

  async 'demo:generate'(args) {
    const { runGenerateDemo } = await import('@/lib/server/demo/cli');
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
    const { setupDemo } = await import('@/lib/server/seed/demo-setup');
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

/** Output printed as it is (CSV), not as JSON. */
class TextOutput {
  constructor(readonly text: string) {}
}

class UsageError extends Error {}

/** Input the command cannot use: the message is the whole story. */
class InputError extends Error {}

function toInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
    const { code, output } = result instanceof ExitStatus ? result : new ExitStatus(0, result);
    if (output instanceof TextOutput) process.stdout.write(output.text);
    else if (output !== undefined) process.stdout.write(`${JSON.stringify(output)}\n`);
    return code;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    if (
      !(
        error instanceof UsageError ||
        error instanceof ReportUsageError ||
        error instanceof InputError ||
        error instanceof UnknownOrganisationError ||
        error instanceof FileOpenError
      )
    ) {
      process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    }
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
