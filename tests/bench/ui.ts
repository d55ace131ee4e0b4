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
await trust.dispose();
process.exit(0);
