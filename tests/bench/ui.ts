/**
 * UI benchmark: first contentful paint and the time until each page's main chart is drawn, in Chromium, against
 * the production build (`npm run build` first) on a fresh demo trust, plus the JavaScript each page loads.
 * Pages: the overview, a specialty (the first in the overview's table) and a consultant (the first named in that
 * specialty's table). Beside them, the server's share: time to the first byte and until the streamed HTML ends
 * (every section rendered), so a slow page can be put down to the server or the browser. "Main chart" is the chart
 * on screen (a funnel plot comes first as SVG from the server); "Interactive" is when the browser has drawn it
 * with recharts (tooltips). `npm run bench:js` splits each page's JavaScript into what it needs to become interactive
 * and what it loads later.
 *
 * Then "Other pages", the rest of the navigation, with no main chart: the specialties and consultants lists,
 * reviews, actions, data quality, imports, definitions and the admin audit log. "Main content" is when the page's
 * data is on screen: the first row of its main table, or on a page without one the figure or section heading that
 * comes with its data (those pages are rendered whole on the server; the specialties list streams its table after a
 * skeleton, role="status", which is not waited for). The chart pages are the demo executive's; data quality,
 * imports and the audit log need an admin's permissions, so a second browser is signed in as the demo admin for
 * them, and for reviews and actions too: an executive runs no reviews, so sees only the (empty) list of meetings,
 * while the admin also gets the lists worked out for those who run them (to start a review, for review, what-if).
 *
 *   npm run bench:ui -- [--consultants 600 --months 36] [--port 3300] [--runs 3] [--database-url postgresql://…]
 *                       [--database-name fulfil_bench_ui] [--keep-database]
 *
 * Defaults to the large trust (600 consultants × 36 months); pass smaller numbers for a quick run. With
 * --database-url (or BENCH_DATABASE_URL) the demo goes into a new database `fulfil_bench_ui` on that server,
 * otherwise into embedded PGlite in a temporary folder. --database-name picks another database (two benches on one server
 * at once); it is dropped at the end, unless --keep-database, which keeps it and reuses an existing database of the
 * same size instead of setting it up again.
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import {
  findSamplePages,
  launchChromium,
  requireProductionBuild,
  setUpDemoTrust,
  signInAsDemoUser,
  startApp,
} from './ui-app';

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

requireProductionBuild();
const serverUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
const trust = await setUpDemoTrust({
  consultants,
  months,
  serverUrl,
  databaseName: values['database-name'],
  keepDatabase: values['keep-database'],
  label: 'bench:ui',
});
console.log(trust.description);

const stopApp = await startApp(port, trust.env);
const browser = await launchChromium();
const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await signInAsDemoUser(page, 'executive');
const { specialtyHref, consultantHref } = await findSamplePages(page);
const adminContext = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 800 } });
const adminPage = await adminContext.newPage();
await signInAsDemoUser(adminPage, 'admin');

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
  { name: 'Specialty', url: specialtyHref, chart: drawn, interactive: recharts },
  // The consultant's main chart is the calendar heatmap (HTML drawn on the server, no chart library).
  { name: 'Consultant', url: consultantHref, chart: calendar, interactive: calendar },
];
/** The rest of the navigation: who opens it, and the selector of its main content. */
const signedIn = { executive: page, admin: adminPage };
const otherPages: { name: string; url: string; as: keyof typeof signedIn; content: string }[] = [
  { name: 'Specialties', url: '/specialties', as: 'executive', content: 'main tr[data-specialty]' },
  { name: 'Consultants', url: '/consultants', as: 'executive', content: 'main table tbody tr' },
  { name: 'Reviews', url: '/reviews', as: 'admin', content: '#for-review-heading' },
  { name: 'Actions', url: '/actions', as: 'admin', content: '#units-heading' },
  { name: 'Data quality', url: '/data-quality', as: 'admin', content: '[data-section] [data-count]' },
  {
    name: 'Imports',
    url: '/imports',
    as: 'admin',
    content: '[aria-labelledby="history-heading"] tbody tr',
  },
  { name: 'Definitions', url: '/definitions', as: 'executive', content: '#parameters tbody tr' },
  { name: 'Audit log', url: '/admin/audit-log', as: 'admin', content: 'main table tbody tr' },
];
const median = (numbers: number[]) =>
  [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] as number;

/** Each measurement's median over `runs` loads of `url` (a page with no chart: `chart` its main content). */
async function measureMedian(
  target: Page,
  url: string,
  chart: string,
  interactive = chart,
): Promise<Measurement> {
  const samples: Measurement[] = [];
  for (let run = 0; run < runs; run++) samples.push(await measure(target, url, chart, interactive));
  const pick = (key: keyof Measurement) => median(samples.map((sample) => sample[key]));
  return {
    fcp: pick('fcp'),
    chart: pick('chart'),
    interactive: pick('interactive'),
    ttfb: pick('ttfb'),
    htmlDone: pick('htmlDone'),
    jsBytes: pick('jsBytes'),
    jsWireBytes: pick('jsWireBytes'),
  };
}
const ms = (value: number, width: number) => value.toFixed(0).padStart(width);
const kB = (bytes: number, width: number) => (bytes / 1024).toFixed(0).padStart(width);

console.log(
  `\n${'Page'.padEnd(12)} ${'FCP (ms)'.padStart(10)} ${'Main chart (ms)'.padStart(16)} ${'Interactive (ms)'.padStart(17)} ${'TTFB (ms)'.padStart(10)} ${'HTML done (ms)'.padStart(15)} ${'JS (kB)'.padStart(9)} ${'JS gzip (kB)'.padStart(13)}`,
);
const results: Record<string, Measurement> = {};
for (const entry of pages) {
  const result = await measureMedian(page, entry.url, entry.chart, entry.interactive);
  results[entry.name] = result;
  console.log(
    `${entry.name.padEnd(12)} ${ms(result.fcp, 10)} ${ms(result.chart, 16)} ${ms(result.interactive, 17)} ${ms(result.ttfb, 10)} ${ms(result.htmlDone, 15)} ${kB(result.jsBytes, 9)} ${kB(result.jsWireBytes, 13)}`,
  );
}

console.log(
  `\n${'Other pages'.padEnd(12)} ${'As'.padEnd(9)} ${'FCP (ms)'.padStart(10)} ${'Main content (ms)'.padStart(18)} ${'TTFB (ms)'.padStart(10)} ${'HTML done (ms)'.padStart(15)} ${'JS (kB)'.padStart(9)} ${'JS gzip (kB)'.padStart(13)}`,
);
const otherResults: Record<string, Omit<Measurement, 'chart' | 'interactive'> & { content: number }> = {};
for (const entry of otherPages) {
  const { chart, interactive, ...result } = await measureMedian(signedIn[entry.as], entry.url, entry.content);
  otherResults[entry.name] = { ...result, content: chart };
  console.log(
    `${entry.name.padEnd(12)} ${entry.as.padEnd(9)} ${ms(result.fcp, 10)} ${ms(chart, 18)} ${ms(result.ttfb, 10)} ${ms(result.htmlDone, 15)} ${kB(result.jsBytes, 9)} ${kB(result.jsWireBytes, 13)}`,
  );
}
console.log(
  `(median of ${runs} loads each, after one warm-up load of the overview and the specialty; JS = script bytes the page loads, decoded and as sent)`,
);
console.log(
  JSON.stringify({
    consultants,
    months,
    database: serverUrl ? 'postgresql' : 'pglite',
    results,
    otherPages: otherResults,
  }),
);

await browser.close();
stopApp();
await trust.dispose();
process.exit(0);
