/**
 * UI benchmark: first contentful paint and the time until each page's main chart is drawn, in Chromium, against
 * the production build (`npm run build` first) on a fresh demo trust, plus the JavaScript each page loads.
 * Pages: the overview, a specialty (the first in the overview's table) and a consultant (the first named in that
 * specialty's table). Beside them, the server's share: time to the first byte and until the streamed HTML ends
 * (every section rendered), so a slow page can be put down to the server or the browser. "Main chart" is the chart
 * on screen (a funnel plot comes first as SVG from the server); "Interactive" is when the browser has drawn it
 * with recharts (tooltips).
 *
 *   npm run bench:ui -- [--consultants 600 --months 36] [--port 3300] [--runs 3] [--database-url postgresql://…]
 *                       [--database-name fulfil_bench_ui] [--keep-database]
 *
 * Defaults to the large trust (600 consultants × 36 months); pass smaller numbers for a quick run. With
 * --database-url (or BENCH_DATABASE_URL) the demo goes into a new database `fulfil_bench_ui` on that server,
 * otherwise into embedded PGlite in a temporary folder. --database-name picks another database (two benches on one server
 * at once); with --keep-database an existing database of the same size is reused instead of set up again.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import pg from 'pg';
import { openDatabase } from '@/lib/server/db';
import { createDemoTrustStream } from '@/lib/server/demo/generate';
import { DEMO_FILE_NAMES, writeDemoTrustStream } from '@/lib/server/demo/write-csv';
import { FULL_LEDGER, refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import { createDemoUsers, DEMO_PASSWORD, DEMO_USERS } from '@/lib/server/seed/demo-users';
import { withDatabaseName } from '../helpers/test-database';
import { createDemoOrganisation, importFiles } from './metrics-data';

const { values } = parseArgs({
  options: {
    consultants: { type: 'string', default: '600' },
    months: { type: 'string', default: '36' },
    port: { type: 'string', default: '3300' },
    runs: { type: 'string', default: '3' },
    'database-url': { type: 'string' },
    'database-name': { type: 'string', default: 'fulfil_bench_ui' },
    'keep-database': { type: 'boolean', default: false },
  },
});
const consultants = Number(values.consultants);
const months = Number(values.months);
const port = Number(values.port);
const runs = Number(values.runs);
const appUrl = `http://127.0.0.1:${port}`;

if (!existsSync(path.resolve('.next/BUILD_ID'))) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}

const serverUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
const dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-bench-ui-'));
const appEnv: Record<string, string> = {
  FULFIL_DATA_DIR: dataDir,
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXT_TELEMETRY_DISABLED: '1',
};
const databaseName = values['database-name'];
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) {
  console.error('--database-name must be a plain PostgreSQL name (lower case, digits, underscores).');
  process.exit(1);
}
// A database set up by this script is labelled with its size, so --keep-database reuses only a match.
const sizeLabel = `bench:ui demo trust, ${consultants} consultants x ${months} months`;
let target: { url: string } | { dataDir: string };
let isReused = false;
if (serverUrl) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (values['keep-database']) {
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
  appEnv.DATABASE_URL = target.url;
} else {
  target = { dataDir: path.join(dataDir, 'pglite') };
}

const setupStart = performance.now();
const database = await openDatabase({ ...target, migrate: true });
if (!isReused) {
  // As the metrics benchmark does: import every extract first, then build the ledger once (refreshing it after
  // each import of a large trust re-judges the ledger file by file, which the benchmark need not wait for).
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
console.log(
  `Demo trust: ${consultants} consultants × ${months} months on ${serverUrl ? 'PostgreSQL' : 'PGlite'}, ${
    isReused
      ? `reused (${databaseName})`
      : `set up in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`
  }`,
);

const app = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, ...appEnv },
  detached: true,
});
const stopApp = () => {
  if (app.pid) process.kill(-app.pid, 'SIGTERM');
};
process.on('exit', stopApp);

for (let attempt = 0; ; attempt++) {
  try {
    if ((await fetch(`${appUrl}/api/health`)).ok) break;
  } catch {}
  if (attempt > 240) throw new Error('The app did not start');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const admin = DEMO_USERS.find((user) => user.key === 'executive') ?? DEMO_USERS[0];
await page.goto('/sign-in');
await page.getByRole('textbox', { name: 'Email address' }).fill(admin?.email ?? '');
await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.waitForURL((url) => url.pathname !== '/sign-in');

// A specialty to open: the first link in the overview's specialty table.
await page.goto('/');
const specialtyHref = await page
  .locator('tr[data-specialty] th a')
  .first()
  .getAttribute('href', { timeout: 120_000 });

// A consultant to open: the first named consultant in that specialty's table.
await page.goto(specialtyHref ?? '/specialties/1');
const consultantHref = await page
  .locator('tr[data-consultant] th a')
  .first()
  .getAttribute('href', { timeout: 120_000 });

interface Measurement {
  fcp: number;
  /** The main chart on screen: as SVG from the server (funnel plots) or drawn in the browser. */
  chart: number;
  /** The main chart interactive (recharts has drawn it in the browser, with its tooltips). */
  interactive: number;
  /** Time to the first byte of the HTML, and until its stream ended (the server's share). */
  ttfb: number;
  htmlDone: number;
  /** Script bytes as the browser decoded them, and as sent over the wire (compressed). */
  jsBytes: number;
  jsWireBytes: number;
}

async function measure(
  target: Page,
  url: string,
  chartSelector: string,
  interactiveSelector: string,
): Promise<Measurement> {
  const jsSizes = new Map<string, number>();
  const onResponse = async (response: import('@playwright/test').Response) => {
    if (response.request().resourceType() !== 'script') return;
    try {
      jsSizes.set(response.url(), (await response.body()).length);
    } catch {}
  };
  target.on('response', onResponse);
  const start = Date.now();
  await target.goto(url, { waitUntil: 'commit' });
  await target.locator(chartSelector).first().waitFor({ timeout: 120_000 });
  const chart = Date.now() - start;
  await target.locator(interactiveSelector).first().waitFor({ timeout: 120_000 });
  const interactive = Date.now() - start;
  const fcp = await target.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await target.waitForLoadState('load');
  const timing = await target.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as
      | PerformanceNavigationTiming
      | undefined;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'),
    );
    return {
      ttfb: navigation?.responseStart ?? Number.NaN,
      htmlDone: navigation?.responseEnd ?? Number.NaN,
      jsWireBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    };
  });
  target.off('response', onResponse);
  return {
    fcp,
    chart,
    interactive,
    ...timing,
    jsBytes: [...jsSizes.values()].reduce((sum, size) => sum + size, 0),
  };
}

const recharts = '[data-testid="main-chart"] .recharts-surface';
const drawn = `${recharts}, [data-testid="main-chart"] svg.static-funnel`;
const calendar = '[data-testid="main-chart"] [data-outcome]';
const pages = [
  { name: 'Overview', url: '/', chart: drawn, interactive: recharts },
  { name: 'Specialty', url: specialtyHref ?? '/specialties/1', chart: drawn, interactive: recharts },
  // The consultant's main chart is the calendar heatmap (HTML drawn on the server, no chart library).
  { name: 'Consultant', url: consultantHref ?? '/consultants/1', chart: calendar, interactive: calendar },
];
const median = (numbers: number[]) =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;
console.log(
  `\n${'Page'.padEnd(12)} ${'FCP (ms)'.padStart(10)} ${'Main chart (ms)'.padStart(16)} ${'Interactive (ms)'.padStart(17)} ${'TTFB (ms)'.padStart(10)} ${'HTML done (ms)'.padStart(15)} ${'JS (kB)'.padStart(9)} ${'JS gzip (kB)'.padStart(13)}`,
);
const results: Record<string, Measurement> = {};
for (const entry of pages) {
  const samples: Measurement[] = [];
  for (let run = 0; run < runs; run++)
    samples.push(await measure(page, entry.url, entry.chart, entry.interactive));
  const pick = (key: keyof Measurement) => median(samples.map((sample) => sample[key]));
  const result: Measurement = {
    fcp: pick('fcp'),
    chart: pick('chart'),
    interactive: pick('interactive'),
    ttfb: pick('ttfb'),
    htmlDone: pick('htmlDone'),
    jsBytes: pick('jsBytes'),
    jsWireBytes: pick('jsWireBytes'),
  };
  results[entry.name] = result;
  console.log(
    `${entry.name.padEnd(12)} ${result.fcp.toFixed(0).padStart(10)} ${String(result.chart).padStart(16)} ${String(result.interactive).padStart(17)} ${result.ttfb.toFixed(0).padStart(10)} ${result.htmlDone.toFixed(0).padStart(15)} ${(result.jsBytes / 1024).toFixed(0).padStart(9)} ${(result.jsWireBytes / 1024).toFixed(0).padStart(13)}`,
  );
}
console.log(
  `(median of ${runs} loads each, after one warm-up load of the overview and the specialty; JS = script bytes the page loads, decoded and as sent)`,
);
console.log(JSON.stringify({ consultants, months, database: serverUrl ? 'postgresql' : 'pglite', results }));

await browser.close();
stopApp();
process.exit(0);
