/**
 * JavaScript sent per page: for the production build (`npm run build` first) on a demo trust, loads each main
 * page in Chromium as a signed-in demo user (the executive, who sees every page) with an empty cache, scrolls to
 * the bottom so that every chart is drawn, and sums the script bytes the page loaded — as sent (gzip, the
 * response bodies' transferred size) and decoded — split into:
 *   - initial: scripts the page's HTML names (its <script> tags and the chunks its React Server Components
 *     payload refers to), which the page needs before it is interactive;
 *   - lazy: scripts loaded later on demand (dynamic imports, e.g. a chart's drawing code when it is drawn).
 * Prefetches of the pages that links lead to are refused, as they load those pages' code, not this one's.
 * Byte counts do not depend on the machine's speed, so one run is enough (a second gives the same numbers).
 *
 *   npm run bench:js -- [--consultants 60 --months 12] [--port 3310] [--database-url postgresql://…]
 *                       [--database-name fulfil_bench_js] [--keep-database] [--json] [--chunks]
 *
 * With --chunks, each page's scripts are listed (URL, sizes, initial or lazy, and whether it holds recharts).
 * On a server (--database-url) the demo's database is dropped at the end, unless --keep-database keeps it to reuse.
 */
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
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
    consultants: { type: 'string', default: '60' },
    months: { type: 'string', default: '12' },
    port: { type: 'string', default: '3310' },
    'database-url': { type: 'string' },
    'database-name': { type: 'string', default: 'fulfil_bench_js' },
    'keep-database': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    chunks: { type: 'boolean', default: false },
  },
});
const port = Number(values.port);
const appUrl = `http://127.0.0.1:${port}`;

requireProductionBuild();
const trust = await setUpDemoTrust({
  consultants: Number(values.consultants),
  months: Number(values.months),
  serverUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL,
  databaseName: values['database-name'],
  keepDatabase: values['keep-database'],
  label: 'bench:js',
});
console.log(trust.description);
const stopApp = await startApp(port, trust.env);
const browser = await launchChromium();

const signInContext = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 800 } });
const signInPage = await signInContext.newPage();
await signInAsDemoUser(signInPage, 'executive');
const { specialtyHref, consultantHref } = await findSamplePages(signInPage);
const storageState = await signInContext.storageState();
await signInContext.close();

interface Script {
  url: string;
  /** Bytes as the browser decoded them. */
  decoded: number;
  /** Body bytes as sent (compressed when the server compressed them). */
  wire: number;
  isInitial: boolean;
  /** Holds recharts' code (its SVG surface's class name is a string in it). */
  hasRecharts: boolean;
}

interface PageSizes {
  name: string;
  url: string;
  scripts: Script[];
}

/** A chunk's path, as the HTML and the RSC payload name it (without host or query). */
const chunkPath = (url: string) => new URL(url, appUrl).pathname;

/** Every /_next/static/….js path the HTML names, including those in the (escaped) RSC payload. */
function scriptPathsIn(html: string): Set<string> {
  const paths = new Set<string>();
  for (const match of html.replaceAll('\\/', '/').matchAll(/\/_next\/static\/[^"'\\\s)]+?\.js/g)) {
    paths.add(decodeURI(match[0]));
  }
  return paths;
}

/** Scrolls down a viewport at a time (so that every chart comes near the viewport), then waits for the network. */
async function scrollToBottom(page: Page): Promise<void> {
  for (let step = 0; step < 60; step++) {
    const isAtBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(150);
    if (isAtBottom) break;
  }
  await page.waitForLoadState('networkidle');
}

async function measurePage(target: Browser, name: string, url: string): Promise<PageSizes> {
  // A new context each time: an empty cache, so a page's figures are what a first visit to it downloads.
  const context = await target.newContext({
    baseURL: appUrl,
    viewport: { width: 1280, height: 800 },
    storageState,
  });
  const page = await context.newPage();
  // Links on screen are prefetched, which loads the code of the pages they lead to: not this page's own.
  await page.route('**/*', (route) => {
    const headers = route.request().headers();
    return headers['next-router-prefetch'] || headers['next-router-segment-prefetch']
      ? route.abort()
      : route.fallback();
  });
  const pending: Promise<Omit<Script, 'isInitial'> | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        try {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return {
            url: response.url(),
            decoded: body.length,
            wire: sizes.responseBodySize,
            hasRecharts: body.includes('recharts-surface'),
          };
        } catch {
          return null;
        }
      })(),
    );
  });
  const document = await page.goto(url, { waitUntil: 'load' });
  if (!document?.ok()) throw new Error(`${url} answered ${document?.status()}`);
  const html = await document.text();
  await page.waitForLoadState('networkidle');
  await scrollToBottom(page);
  // Charts drawn after scrolling may load more code; wait until it has arrived.
  await page.waitForTimeout(500);
  await page.waitForLoadState('networkidle');
  const named = scriptPathsIn(html);
  const seen = new Set<string>();
  const scripts: Script[] = [];
  for (const script of await Promise.all(pending)) {
    if (!script || seen.has(script.url)) continue;
    seen.add(script.url);
    scripts.push({ ...script, isInitial: named.has(chunkPath(script.url)) });
  }
  await context.close();
  return { name, url, scripts };
}

const pages: [string, string][] = [
  ['Overview', '/'],
  ['Specialty', specialtyHref],
  ['Consultant', consultantHref],
  ['Reviews', '/reviews'],
  ['Definitions', '/definitions'],
];
const results: PageSizes[] = [];
for (const [name, url] of pages) results.push(await measurePage(browser, name, url));
await browser.close();
stopApp();
await trust.dispose();

const kB = (bytes: number) => (bytes / 1000).toFixed(1);
const sum = (scripts: Script[], key: 'decoded' | 'wire') =>
  scripts.reduce((total, script) => total + script[key], 0);
const columns = [
  ['Page', 12],
  ['Initial gzip', 13],
  ['Initial', 10],
  ['Lazy gzip', 10],
  ['Lazy', 10],
  ['Total gzip', 11],
  ['Total', 10],
  ['Files (init+lazy)', 18],
  ['recharts', 14],
] as const;
console.log(`\nJavaScript per page, kB (1 kB = 1000 bytes); gzip = as sent, others decoded\n`);
console.log(
  columns
    .map(([title, width], index) => (index === 0 ? title.padEnd(width) : title.padStart(width)))
    .join(' '),
);
const summary: Record<string, Record<string, number | string>> = {};
for (const result of results) {
  const initial = result.scripts.filter((script) => script.isInitial);
  const lazy = result.scripts.filter((script) => !script.isInitial);
  const rechartsWhere = result.scripts.some((script) => script.hasRecharts)
    ? initial.some((script) => script.hasRecharts)
      ? 'initial'
      : 'lazy'
    : 'none';
  const row = {
    url: result.url,
    initialGzip: sum(initial, 'wire'),
    initial: sum(initial, 'decoded'),
    lazyGzip: sum(lazy, 'wire'),
    lazy: sum(lazy, 'decoded'),
    totalGzip: sum(result.scripts, 'wire'),
    total: sum(result.scripts, 'decoded'),
    initialFiles: initial.length,
    lazyFiles: lazy.length,
    recharts: rechartsWhere,
  };
  summary[result.name] = row;
  console.log(
    [
      result.name.padEnd(12),
      kB(row.initialGzip).padStart(13),
      kB(row.initial).padStart(10),
      kB(row.lazyGzip).padStart(10),
      kB(row.lazy).padStart(10),
      kB(row.totalGzip).padStart(11),
      kB(row.total).padStart(10),
      `${row.initialFiles}+${row.lazyFiles}`.padStart(18),
      rechartsWhere.padStart(14),
    ].join(' '),
  );
  if (values.chunks) {
    for (const script of [...result.scripts].sort((a, b) => b.decoded - a.decoded)) {
      console.log(
        `    ${script.isInitial ? 'initial' : 'lazy   '} ${kB(script.wire).padStart(7)} ${kB(script.decoded).padStart(8)} ${script.hasRecharts ? 'recharts ' : '         '}${chunkPath(script.url)}`,
      );
    }
  }
}
console.log(
  '\n(one load per page with an empty cache, scrolled to the bottom; initial = named by the page HTML, needed to hydrate; lazy = loaded on demand)',
);
if (values.json) console.log(JSON.stringify(summary));
process.exit(0);
