import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '@/lib/server/auth/password';
import { openDatabase } from '@/lib/server/db';
import { setupDemo } from '@/lib/server/seed/demo-setup';
import { DEMO_PASSWORD } from '@/lib/server/seed/demo-users';
import { startOidcProvider } from '../helpers/oidc-provider';
import { withDatabaseName } from '../helpers/test-database';
import { E2E_EXTRA_USERS } from './sign-in';

/**
 * Starts the built app for the Playwright suite on a fresh database holding a small demo trust (with its demo
 * users): a new PostgreSQL database `fulfil_e2e_<port>` when E2E_DATABASE_URL (a server URL) is set, as in CI
 * (one per port, so that runs on different ports do not collide; dropped when the app stops),
 * otherwise an embedded PGlite database in a new temporary folder. A local OpenID Connect provider on the next
 * port stands in for Microsoft Entra ID, so that single sign-on is tested for real.
 */
const { values } = parseArgs({
  options: { port: { type: 'string', default: '3100' }, 'oidc-port': { type: 'string' } },
});
const port = Number(values.port ?? '3100');
const appUrl = `http://127.0.0.1:${port}`;

if (!existsSync(path.resolve('.next/BUILD_ID'))) {
  console.error('No production build found: run `npm run build` before the end-to-end tests.');
  process.exit(1);
}

const serverUrl = process.env.E2E_DATABASE_URL || undefined;
const e2eDatabaseName = `fulfil_e2e_${port}`;
const dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-e2e-'));
const appEnv: Record<string, string> = { FULFIL_DATA_DIR: dataDir };

let target: { url: string } | { dataDir: string };
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabaseName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${e2eDatabaseName}`);
  await admin.end();
  target = { url: withDatabaseName(serverUrl, e2eDatabaseName) };
  appEnv.DATABASE_URL = target.url;
} else {
  target = { dataDir: path.join(dataDir, 'pglite') };
}

const database = await openDatabase({ ...target, migrate: true });
// 60 consultants: enough for every specialty to have three or more, so that a consultant sees their peers
// anonymised and their specialty's total (smaller groups are withheld from them). 16 months: the default period
// (the last 13 weeks) has its baseline, the same weeks a year earlier, in the extracts too.
const demo = await setupDemo(database, {
  csvDir: path.join(dataDir, 'demo-csv'),
  consultants: 60,
  months: 16,
});
// Accounts only the sign-in tests use (a lockout must not lock out a demo user that other specs sign in as).
const organisation = await database.prisma.organisation.findFirstOrThrow({ orderBy: { id: 'asc' } });
const passwordHash = await hashPassword(DEMO_PASSWORD);
for (const user of E2E_EXTRA_USERS) {
  await database.prisma.user.create({ data: { organisationId: organisation.id, passwordHash, ...user } });
}
await database.close();
console.log(`e2e database ready (${serverUrl ? 'postgresql' : 'pglite'}): ${JSON.stringify(demo)}`);

const oidc = await startOidcProvider({
  port: Number(values['oidc-port'] ?? port + 1),
  redirectUri: `${appUrl}/api/auth/callback/azure-ad`,
});
console.log(`OpenID Connect provider for single sign-on: ${oidc.issuer}`);
Object.assign(appEnv, {
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  AZURE_AD_CLIENT_ID: oidc.clientId,
  AZURE_AD_CLIENT_SECRET: oidc.clientSecret,
  AZURE_AD_WELL_KNOWN_URL: oidc.wellKnownUrl,
});

const app = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
  stdio: 'inherit',
  env: { ...process.env, ...appEnv, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
app.on('exit', async (code) => {
  await oidc.close();
  if (serverUrl) await dropE2eDatabase(serverUrl);
  process.exit(code ?? 0);
});

async function dropE2eDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${e2eDatabaseName} WITH (FORCE)`);
  } catch (error) {
    // Left behind for the next run on this port to replace: not worth failing the suite for.
    console.warn(`Could not drop the end-to-end database ${e2eDatabaseName}: ${String(error)}`);
  } finally {
    await admin.end().catch(() => {});
  }
}
