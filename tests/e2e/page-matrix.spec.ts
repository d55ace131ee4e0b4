import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type SignInRole, signInAs } from './sign-in';

/**
 * The role × page matrix: every page of the app (found by reading app/**\/page.tsx, so a new page without an
 * entry below fails) opened as every demo role and as a signed-out visitor, in the production build. Each visit
 * must end as written: rendered (and hydrated, with no Content-Security-Policy violation in the console), sent
 * to the sign-in page, or not found (404) — for a page the role may not use, and for an id outside the role's
 * scope (IDOR: another specialty's consultant, a peer the consultant sees only anonymised). On every page a role
 * opens, the names and GMC numbers of consultants outside its named scope appear nowhere.
 */

const APP_DIR = path.resolve(import.meta.dirname, '../../app');

/** Route patterns of every page file: `app/(dashboard)/consultants/[consultantId]/page.tsx` → `/consultants/[consultantId]`. */
function findPageRoutes(dir: string, segments: string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      // Route groups `(name)` and private folders `_name` do not appear in the URL.
      if (entry.name.startsWith('_') || entry.name === 'api') return [];
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      return findPageRoutes(path.join(dir, entry.name), [...segments, ...segment]);
    }
    return entry.name === 'page.tsx' ? [`/${segments.join('/')}`] : [];
  });
}

type Visitor = SignInRole | 'signed-out';
const VISITORS: readonly Visitor[] = [
  'admin',
  'executive',
  'director',
  'lead',
  'consultant',
  'consultant2',
  'director2',
  'signed-out',
];

/** What a visit must end as. `home`: sent on to the overview (the sign-in page, once signed in). */
type Outcome = 'rendered' | 'sign-in' | 'not-found' | 'home';

/** Ids from the demo trust that the paths need, looked up as the administrator. */
interface DemoIds {
  /** Ophthalmology (130, Surgery): the lead's specialty and the consultant's. */
  ophthalmology: number;
  /** Cardiology (320, Medicine): consultant2's specialty. */
  cardiology: number;
  /** The demo consultant (Ophthalmology). */
  ophthalmologist: number;
  /** Another Ophthalmology consultant: the demo consultant's anonymised peer. */
  ophthalmologyPeer: number;
  /** consultant2 (Cardiology). */
  cardiologist: number;
  /** The lead's user account. */
  leadUser: number;
  /** Names and GMC numbers of every consultant of each specialty, to check who sees them. */
  ophthalmologyPeople: { id: number; name: string; gmc: string }[];
  cardiologyPeople: { id: number; name: string; gmc: string }[];
}

/**
 * Consultants whose names and GMC numbers must appear nowhere on any page a visitor opens: those outside their
 * named scope (another division or specialty), and a consultant's peers (whom they see only anonymised).
 */
function hiddenPeople(visitor: Visitor, ids: DemoIds): { name: string; gmc: string }[] {
  const except = (people: DemoIds['cardiologyPeople'], id: number) =>
    people.filter((person) => person.id !== id);
  switch (visitor) {
    case 'director':
    case 'lead':
      return ids.cardiologyPeople;
    case 'director2':
      return ids.ophthalmologyPeople;
    case 'consultant':
      return [...except(ids.ophthalmologyPeople, ids.ophthalmologist), ...ids.cardiologyPeople];
    case 'consultant2':
      return [...except(ids.cardiologyPeople, ids.cardiologist), ...ids.ophthalmologyPeople];
    default:
      return [];
  }
}

interface Visit {
  path: (ids: DemoIds) => string;
  /** The outcome for each visitor; signed out is always the sign-in page unless given. */
  outcomes: Partial<Record<Visitor, Outcome>> & { default: Outcome };
}

const EVERY_ROLE: Visit['outcomes'] = { default: 'rendered' };
const ADMIN_ONLY: Visit['outcomes'] = { default: 'not-found', admin: 'rendered' };

/** Every page and what each visitor gets. A page missing here fails the first test. */
const PAGES: Record<string, Visit[]> = {
  '/sign-in': [{ path: () => '/sign-in', outcomes: { default: 'home', 'signed-out': 'rendered' } }],
  '/': [{ path: () => '/', outcomes: EVERY_ROLE }],
  '/specialties': [{ path: () => '/specialties', outcomes: EVERY_ROLE }],
  '/specialties/[specialtyId]': [
    {
      // Named consultants of Surgery's Ophthalmology: trust-wide roles, Surgery's director, the lead; the
      // consultant sees their own specialty with peers anonymised; Medicine's people do not see it.
      path: (ids) => `/specialties/${ids.ophthalmology}`,
      outcomes: { default: 'rendered', consultant2: 'not-found', director2: 'not-found' },
    },
    {
      // The lead sees other specialties as aggregates only (no names: checked on every page below).
      path: (ids) => `/specialties/${ids.cardiology}`,
      outcomes: { default: 'rendered', director: 'not-found', consultant: 'not-found' },
    },
    { path: () => '/specialties/2147483647', outcomes: { default: 'not-found' } },
  ],
  '/consultants': [{ path: () => '/consultants', outcomes: EVERY_ROLE }],
  '/consultants/[consultantId]': [
    {
      path: (ids) => `/consultants/${ids.ophthalmologist}`,
      outcomes: { default: 'rendered', consultant2: 'not-found', director2: 'not-found' },
    },
    {
      // A peer: named for the lead and Surgery's director, never openable by the consultant (IDOR).
      path: (ids) => `/consultants/${ids.ophthalmologyPeer}`,
      outcomes: {
        default: 'rendered',
        consultant: 'not-found',
        consultant2: 'not-found',
        director2: 'not-found',
      },
    },
    {
      path: (ids) => `/consultants/${ids.cardiologist}`,
      outcomes: { default: 'rendered', director: 'not-found', lead: 'not-found', consultant: 'not-found' },
    },
    { path: () => '/consultants/2147483647', outcomes: { default: 'not-found' } },
  ],
  '/data-quality': [{ path: () => '/data-quality', outcomes: ADMIN_ONLY }],
  '/definitions': [{ path: () => '/definitions', outcomes: EVERY_ROLE }],
  '/imports': [{ path: () => '/imports', outcomes: ADMIN_ONLY }],
  // The published formats of the extracts (no data): anyone signed in.
  '/imports/formats': [{ path: () => '/imports/formats', outcomes: EVERY_ROLE }],
  // Review meetings and actions (their own specs and integration tests check which meeting each role sees).
  '/reviews': [{ path: () => '/reviews', outcomes: EVERY_ROLE }],
  '/reviews/[meetingId]': [{ path: () => '/reviews/2147483647', outcomes: { default: 'not-found' } }],
  '/reviews/challenges': [{ path: () => '/reviews/challenges', outcomes: ADMIN_ONLY }],
  '/actions': [{ path: () => '/actions', outcomes: EVERY_ROLE }],
  '/actions/[actionId]': [{ path: () => '/actions/2147483647', outcomes: { default: 'not-found' } }],
  '/admin': [{ path: () => '/admin', outcomes: ADMIN_ONLY }],
  '/admin/users': [{ path: () => '/admin/users', outcomes: ADMIN_ONLY }],
  '/admin/users/[userId]': [
    { path: (ids) => `/admin/users/${ids.leadUser}`, outcomes: ADMIN_ONLY },
    { path: () => '/admin/users/2147483647', outcomes: { default: 'not-found' } },
  ],
  '/admin/api-tokens': [{ path: () => '/admin/api-tokens', outcomes: ADMIN_ONLY }],
  '/admin/audit-log': [{ path: () => '/admin/audit-log', outcomes: ADMIN_ONLY }],
  '/admin/parameters': [{ path: () => '/admin/parameters', outcomes: ADMIN_ONLY }],
};

function expectedOutcome(visit: Visit, visitor: Visitor): Outcome {
  if (visitor === 'signed-out') return visit.outcomes['signed-out'] ?? 'sign-in';
  return visit.outcomes[visitor] ?? visit.outcomes.default;
}

/** The pages of this checkout; a row whose page does not exist (yet, or any more) is not visited. */
const ROUTES = findPageRoutes(APP_DIR).sort();

test('every page of the app has its row in the matrix', () => {
  expect(ROUTES.length).toBeGreaterThanOrEqual(15);
  for (const route of ROUTES) {
    expect(PAGES[route], `${route} (a page file) needs its outcomes in page-matrix.spec.ts`).toBeDefined();
  }
});

let ids: DemoIds;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'admin');
  await page.goto('/definitions');
  ids = await page.evaluate(async () => {
    const json = async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    };
    type Scope = { kind: string; id?: number };
    const { users } = (await json('/api/admin/users')) as {
      users: { id: number; email: string; roles: { scope: Scope }[] }[];
    };
    const scopeOf = (email: string) => {
      const user = users.find((candidate) => candidate.email === email);
      const scope = user?.roles[0]?.scope;
      if (!user || scope?.id === undefined) throw new Error(`no scoped role for ${email}`);
      return { userId: user.id, scopeId: scope.id };
    };
    const lead = scopeOf('lead@demo.fulfil.nhs.uk');
    const consultant = scopeOf('consultant@demo.fulfil.nhs.uk');
    const consultant2 = scopeOf('consultant2@demo.fulfil.nhs.uk');
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const report = (await json(`/api/metrics/report?level=specialty&from=${from}&to=${to}`)) as {
      rows: { id: number; key: string }[];
    };
    const peopleOf = async (specialtyId: number) =>
      (
        (await json(
          `/api/metrics/report?level=consultant&from=${from}&to=${to}&within_level=specialty&within_id=${specialtyId}`,
        )) as { rows: { id: number; name: string; key: string }[] }
      ).rows.map((row) => ({ id: row.id, name: row.name, gmc: row.key }));
    const cardiology = report.rows.find((row) => row.key === '320');
    if (!cardiology) throw new Error('the demo trust lacks Cardiology');
    const ophthalmologyPeople = await peopleOf(lead.scopeId);
    const cardiologyPeople = await peopleOf(cardiology.id);
    const peer = ophthalmologyPeople.find((person) => person.id !== consultant.scopeId);
    if (!peer || cardiologyPeople.length < 3) throw new Error('the demo trust lacks peers to check');
    return {
      ophthalmology: lead.scopeId,
      cardiology: cardiology.id,
      ophthalmologist: consultant.scopeId,
      ophthalmologyPeer: peer.id,
      cardiologist: consultant2.scopeId,
      leadUser: lead.userId,
      ophthalmologyPeople,
      cardiologyPeople,
    };
  });
  await context.close();
});

/** Listens for what a broken page reports: policy violations and uncaught errors. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function observe(page: Page, url: string): Promise<Outcome> {
  const response = await page.goto(url);
  const finalUrl = new URL(page.url());
  if (finalUrl.pathname === '/sign-in' && url !== '/sign-in') return 'sign-in';
  if (finalUrl.pathname === '/' && url !== '/') return 'home';
  if (response?.status() === 404) {
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    return 'not-found';
  }
  expect(response?.status(), url).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found');
  return 'rendered';
}

for (const visitor of VISITORS) {
  test(`every page as ${visitor === 'signed-out' ? 'a signed-out visitor' : `the demo ${visitor}`}`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    const problems = collectProblems(page);
    if (visitor !== 'signed-out') await signInAs(page, visitor);
    const results: string[] = [];
    for (const [route, visits] of Object.entries(PAGES)) {
      if (!ROUTES.includes(route)) continue;
      for (const visit of visits) {
        const url = visit.path(ids);
        const expected = expectedOutcome(visit, visitor);
        const actual = await observe(page, url);
        if (actual === 'rendered' || (actual === 'home' && visitor !== 'signed-out')) {
          // The page's scripts ran (hydrated) and everything it loads has arrived, with no violation.
          await page.waitForLoadState('networkidle');
          await expect
            .poll(() =>
              page.evaluate(() =>
                Object.keys(document.querySelector('h1') ?? {}).some((key) => key.startsWith('__react')),
              ),
            )
            .toBe(true);
        }
        if (actual === 'rendered') {
          // Everything the page holds, its data for React (the RSC payload) included, not only what is shown.
          const text = (await page.locator('body').textContent()) ?? '';
          for (const person of hiddenPeople(visitor, ids)) {
            expect.soft(text, `${url} as ${visitor} holds ${person.name}`).not.toContain(person.name);
            expect
              .soft(text, `${url} as ${visitor} holds GMC ${person.gmc}`)
              .not.toMatch(new RegExp(`(?<!\\d)${person.gmc}(?!\\d)`));
          }
        }
        results.push(`${route} ${url}: ${actual}`);
        expect.soft(actual, `${url} as ${visitor}`).toBe(expected);
      }
    }
    expect(problems, `as ${visitor}:\n${results.join('\n')}`).toEqual([]);
    await context.close();
  });
}
