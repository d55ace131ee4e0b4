import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '@/lib/server/db';
import { setupDemo } from '@/lib/server/seed/demo-setup';
import { withDatabaseName } from '../helpers/test-database';

/**
 * Starts the built app for the Playwright suite on a fresh database holding a small demo trust:
 * a new PostgreSQL database `fulfil_e2e` when E2E_DATABASE_URL (a server URL) is set, as in CI,
 * otherwise an embedded PGlite database in a new temporary folder.
 */
const { values } = parseArgs({ options: { port: { type: 'string', default: '3100' } } });

if (!existsSync(path.resolve('.next/BUILD_ID'))) {
  console.error('No production build found: run `npm run build` before the end-to-end tests.');
  process.exit(1);
}

const serverUrl = process.env.E2E_DATABASE_URL || undefined;
const dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-e2e-'));
const appEnv: Record<string, string> = { FULFIL_DATA_DIR: dataDir };

let target: { url: string } | { dataDir: string };
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS fulfil_e2e WITH (FORCE)');
  await admin.query('CREATE DATABASE fulfil_e2e');
  await admin.end();
  target = { url: withDatabaseName(serverUrl, 'fulfil_e2e') };
  appEnv.DATABASE_URL = target.url;
} else {
  target = { dataDir: path.join(dataDir, 'pglite') };
}

const database = await openDatabase({ ...target, migrate: true });
const demo = await setupDemo(database, {
  csvDir: path.join(dataDir, 'demo-csv'),
  consultants: 30,
  months: 12,
});
await database.close();
console.log(`e2e database ready (${serverUrl ? 'postgresql' : 'pglite'}): ${JSON.stringify(demo)}`);

const app = spawn('npx', ['next', 'start', '--port', values.port ?? '3100', '--hostname', '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, ...appEnv, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
app.on('exit', (code) => process.exit(code ?? 0));
