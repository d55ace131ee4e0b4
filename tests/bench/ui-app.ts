/**
 * What the browser benchmarks (ui.ts, js-size.ts) share: a demo trust in a database of their own, the production
 * build started on it, Chromium, a demo user signed in, and a specialty and a consultant to open.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import pg from 'pg';
import { openDatabase } from '@/lib/server/db';
import { createDemoTrustStream } from '@/lib/server/demo/generate';
import { DEMO_FILE_NAMES, writeDemoTrustStream } from '@/lib/server/demo/write-csv';
import { FULL_LEDGER, refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import { createDemoUsers, DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from '@/lib/server/seed/demo-users';
import { withDatabaseName } from '../helpers/test-database';
import { createDemoOrganisation, importFiles } from './metrics-data';

/** Exits with a message unless `npm run build` has been run. */
export function requireProductionBuild(): void {
  if (!existsSync(path.resolve('.next/BUILD_ID'))) {
    console.error('No production build found: run `npm run build` first.');
    process.exit(1);
  }
}

export interface DemoTrustOptions {
  consultants: number;
  months: number;
  /** A PostgreSQL server URL: the demo goes into a new database there; otherwise into PGlite in a temp folder. */
  serverUrl?: string;
  databaseName: string;
  /** Reuse an existing database of the same size (labelled by a previous run) instead of setting it up again. */
  keepDatabase: boolean;
  /** Names the benchmark in the database's label (so another benchmark's database of that name is not reused). */
  label: string;
}

export interface DemoTrust {
  /** Environment for the app: its data folder and, on PostgreSQL, DATABASE_URL. */
  env: Record<string, string>;
  isReused: boolean;
  /** A line saying what was set up, and how long it took. */
  description: string;
  /** Drops the database set up on a server, unless it is kept (--keep-database) for the next run to reuse. */
  dispose(): Promise<void>;
}

/**
 * A demo trust of the given size with its demo users, imported through the real pipeline and the ledger built
 * once (as the metrics benchmark does: refreshing it after each import of a large trust is not what is timed).
 */
export async function setUpDemoTrust(options: DemoTrustOptions): Promise<DemoTrust> {
  const { consultants, months, serverUrl, databaseName } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) {
    console.error('--database-name must be a plain PostgreSQL name (lower case, digits, underscores).');
    process.exit(1);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-bench-ui-'));
  const env: Record<string, string> = { FULFIL_DATA_DIR: dataDir };
  // A database set up here is labelled with its size, so keepDatabase reuses only a match.
  const sizeLabel = `${options.label} demo trust, ${consultants} consultants x ${months} months`;
  let target: { url: string } | { dataDir: string };
  let isReused = false;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    if (options.keepDatabase) {
      const { rows } = await admin.query<{ label: string | null }>(
        `SELECT shobj_description(oid, 'pg_database') AS label FROM pg_database WHERE datname = $1`,
        [databaseName],
      );
      isReused = rows[0]?.label === sizeLabel;
    }
    if (!isReused) {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${databaseName}`);
    }
    await admin.end();
    target = { url: withDatabaseName(serverUrl, databaseName) };
    env.DATABASE_URL = target.url;
  } else {
    target = { dataDir: path.join(dataDir, 'pglite') };
  }

  const setupStart = performance.now();
  const database = await openDatabase({ ...target, migrate: true });
  if (!isReused) {
    const folder = path.join(dataDir, 'demo-csv');
    await writeDemoTrustStream(createDemoTrustStream({ consultants, months }), folder);
    const organisationId = await createDemoOrganisation(database);
    await importFiles(
      database,
      organisationId,
      (
        [
          ['consultants', DEMO_FILE_NAMES.consultants],
          ['job-plans', DEMO_FILE_NAMES.jobPlans],
          ['clinic-sessions', DEMO_FILE_NAMES.clinicSessions],
          ['theatre-lists', DEMO_FILE_NAMES.theatreLists],
          ['leave', DEMO_FILE_NAMES.leave],
        ] as const
      ).map(([kind, file]) => ({ kind, file: path.join(folder, file) })),
    );
    await refreshLedger(database, organisationId, FULL_LEDGER);
    await createDemoUsers(database.prisma, organisationId);
  }
  await database.close();
  if (serverUrl && !isReused) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`COMMENT ON DATABASE ${databaseName} IS '${sizeLabel}'`);
    await admin.end();
  }
  const description = `Demo trust: ${consultants} consultants × ${months} months on ${serverUrl ? 'PostgreSQL' : 'PGlite'}, ${
    isReused
      ? `reused (${databaseName})`
      : `set up in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`
  }`;
  const dispose = async () => {
    if (!serverUrl || options.keepDatabase) return;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
  return { env, isReused, description, dispose };
}

/**
 * Starts the production build (`next start`) on 127.0.0.1:`port` with `env` added, and waits until it answers
 * /api/health. The returned function stops it (it is also stopped when this process exits).
 */
export async function startApp(port: number, env: Record<string, string>): Promise<() => void> {
  const appUrl = `http://127.0.0.1:${port}`;
  const app = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEXTAUTH_URL: appUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    detached: true,
  });
  let isStopped = false;
  const stopApp = () => {
    if (isStopped || !app.pid) return;
    isStopped = true;
    process.kill(-app.pid, 'SIGTERM');
  };
  process.on('exit', stopApp);
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${appUrl}/api/health`)).ok) break;
    } catch {}
    if (attempt > 240) throw new Error('The app did not start');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return stopApp;
}

/** Debian's Chromium (Playwright cannot download its own browsers here), as the end-to-end tests use it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Signs `page`'s browser context in through the sign-in form as the demo user `role`. */
export async function signInAsDemoUser(page: Page, role: DemoUserKey = 'executive'): Promise<void> {
  const user = DEMO_USERS.find((candidate) => candidate.key === role) ?? DEMO_USERS[0];
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email address' }).fill(user?.email ?? '');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/**
 * A specialty and a consultant to open: the first specialty in the overview's table, and the first named
 * consultant in that specialty's table.
 */
export async function findSamplePages(
  page: Page,
): Promise<{ specialtyHref: string; consultantHref: string }> {
  await page.goto('/');
  const specialtyHref =
    (await page.locator('tr[data-specialty] th a').first().getAttribute('href', { timeout: 120_000 })) ??
    '/specialties/1';
  await page.goto(specialtyHref);
  const consultantHref =
    (await page.locator('tr[data-consultant] th a').first().getAttribute('href', { timeout: 120_000 })) ??
    '/consultants/1';
  return { specialtyHref, consultantHref };
}
