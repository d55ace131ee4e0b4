import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '@/lib/server/auth/api-tokens';
import { useDatabase } from '@/lib/server/db';
import { type Permission, ROLE_PERMISSIONS, type Role } from '@/lib/shared/permissions';
import { consultantRow } from '../helpers/import-helpers';
import { clinic, createOrganisation, importRows, planLine } from '../helpers/ledger-scenario';
import { signedInUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

/**
 * The role × endpoint matrix. It reads every route file under app/api, so a new route joins the matrix by
 * existing: each must either name its permission (`authenticateRequest(request, '<permission>')`) or be on the
 * short public list below, and every role must get exactly what that permission allows — 401 signed out or with a
 * revoked token, 403 without the permission, anything but those with it. Data-level rules (which rows, 404 for
 * ids outside scope) follow in the second part.
 */
const API_DIR = path.resolve(import.meta.dirname, '../../app/api');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Routes anyone may call, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  'auth/[...nextauth]': 'next-auth’s own sign-in endpoints (CSRF-protected by next-auth)',
  health: 'liveness for load balancers: database reachable, migrations applied, version; no data',
  'import-formats/[kind]/template': 'an empty CSV template of a published format; no data',
};

interface RouteFile {
  route: string;
  file: string;
  permission: Permission | null;
  methods: (typeof METHODS)[number][];
}

async function findRouteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findRouteFiles(full);
      return Promise.resolve(entry.name === 'route.ts' ? [full] : []);
    }),
  );
  return nested.flat();
}

async function readRoutes(): Promise<RouteFile[]> {
  const files = await findRouteFiles(API_DIR);
  return Promise.all(
    files.map(async (file) => {
      const source = await readFile(file, 'utf8');
      const permissions = [...source.matchAll(/authenticateRequest\(\s*request,\s*'([a-z:-]+)'\s*\)/g)].map(
        (match) => match[1] as Permission,
      );
      const distinct = [...new Set(permissions)];
      const methods = METHODS.filter((method) =>
        new RegExp(`export (const|async function) ${method}\\b`).test(source),
      );
      return {
        route: path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/'),
        file,
        permission: distinct.length === 1 ? (distinct[0] as Permission) : null,
        methods,
      };
    }),
  );
}

type Caller =
  | { kind: 'role'; name: string; role: Role; headers?: Record<string, string> }
  | { kind: 'anonymous'; name: string; headers: Record<string, string> };

describe(`the role × endpoint matrix (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let routes: RouteFile[];
  let org: number;
  const people = {} as Record<'E1' | 'E2' | 'C1', number>;
  let specialty: Record<string, number>;
  let division: Record<string, number>;
  const callers: Caller[] = [];
  let params: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    routes = await readRoutes();
    org = await createOrganisation(db, 'RMX');
    const staff = [
      ['6100001', '130', 'Ophthalmology', 'SURG', 'Surgery'],
      ['6100002', '130', 'Ophthalmology', 'SURG', 'Surgery'],
      ['6100003', '130', 'Ophthalmology', 'SURG', 'Surgery'],
      ['6300001', '320', 'Cardiology', 'MED', 'Medicine'],
      ['6300002', '320', 'Cardiology', 'MED', 'Medicine'],
      ['6300003', '320', 'Cardiology', 'MED', 'Medicine'],
    ] as const;
    await importRows(
      db,
      org,
      'consultants',
      staff.map(([gmc, code, name, divisionCode, divisionName]) =>
        consultantRow(gmc, {
          name: `Dr ${gmc}`,
          specialty_code: code,
          specialty_name: name,
          division_code: divisionCode,
          division_name: divisionName,
        }),
      ),
    );
    await importRows(
      db,
      org,
      'job-plans',
      staff.map(([gmc]) =>
        planLine({ gmc, id: `JP-${gmc}`, from: '2026-01-05' }, { day: 'Mon', period: 'AM' }),
      ),
    );
    const clinics = await importRows(
      db,
      org,
      'clinic-sessions',
      staff.map(([gmc]) => clinic(`S-${gmc}`, gmc, '2026-03-02', 'AM', { attended: 8 })),
    );
    const byGmc = async (gmc: string) =>
      (await db.prisma.consultant.findFirstOrThrow({ where: { organisationId: org, gmcNumber: gmc } })).id;
    people.E1 = await byGmc('6100001');
    people.E2 = await byGmc('6100002');
    people.C1 = await byGmc('6300001');
    specialty = Object.fromEntries(
      (await db.prisma.specialty.findMany({ where: { organisationId: org } })).map((row) => [
        row.code,
        row.id,
      ]),
    );
    division = Object.fromEntries(
      (await db.prisma.division.findMany({ where: { organisationId: org } })).map((row) => [
        row.code,
        row.id,
      ]),
    );
    const as = async (name: string, role: Role, target = {}) =>
      callers.push({
        kind: 'role',
        name,
        role,
        headers: (await signedInUser(db, org, role, target)).headers,
      });
    await as('admin', 'admin');
    await as('executive', 'executive');
    await as('director of Surgery', 'divisional_director', { divisionId: division.SURG });
    await as('director of Medicine', 'divisional_director', { divisionId: division.MED });
    await as('lead of Ophthalmology', 'clinical_lead', { specialtyId: specialty['130'] });
    await as('consultant E1 (Ophthalmology)', 'consultant', { consultantId: people.E1 });
    await as('consultant C1 (Cardiology)', 'consultant', { consultantId: people.C1 });
    callers.push({
      kind: 'anonymous',
      name: 'signed-out visitor',
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    const revoked = await createApiToken(db.prisma, org, 'revoked drop');
    await revokeApiToken(db.prisma, org, revoked.id);
    callers.push({
      kind: 'anonymous',
      name: 'revoked API token',
      headers: { authorization: `Bearer ${revoked.token}` },
    });
    params = {
      consultantId: String(people.E1),
      specialtyId: String(specialty['130']),
      id: String(clinics.batchId),
      kind: 'consultants',
    };
  });
  afterAll(() => db?.drop());

  it('finds the routes, and every route either names one permission or is public for a written reason', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      if (route.route in PUBLIC_ROUTES) {
        expect(route.permission, `${route.route} is listed public but checks a permission`).toBeNull();
        continue;
      }
      expect(
        route.permission,
        `${route.route} must call authenticateRequest(request, '<permission>')`,
      ).not.toBeNull();
      expect(route.methods.length, `${route.route} exports no handler`).toBeGreaterThan(0);
    }
  });

  it('gives every role exactly what its permissions allow, on every protected route and method', async () => {
    const results: string[] = [];
    for (const route of routes.filter((candidate) => candidate.permission !== null)) {
      const module = (await import(route.file)) as Record<
        string,
        (request: Request, context: unknown) => Promise<Response>
      >;
      const segments = [...route.route.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1] as string);
      const routeParams = Object.fromEntries(segments.map((name) => [name, params[name] ?? '1']));
      const url = `http://localhost/api/${route.route.replace(/\[([^\]]+)\]/g, (_, name: string) => routeParams[name] ?? '1')}?from=2026-03-01&to=2026-03-31&level=consultant&bucket=week`;
      for (const method of route.methods) {
        const handler = module[method];
        if (!handler) continue;
        for (const caller of callers) {
          const request = new NextRequest(url, {
            method,
            headers: {
              ...(caller.headers ?? {}),
              ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
            },
            body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
          });
          const response = await handler(request, { params: Promise.resolve(routeParams) });
          const allowed =
            caller.kind === 'role' &&
            (ROLE_PERMISSIONS[caller.role] as readonly Permission[]).includes(route.permission as Permission);
          const expected = caller.kind === 'anonymous' ? '401' : allowed ? 'allowed' : '403';
          const actual = response.status === 401 ? '401' : response.status === 403 ? '403' : 'allowed';
          results.push(`${method} /api/${route.route} as ${caller.name}: ${actual}`);
          expect(actual, `${method} /api/${route.route} as ${caller.name} (${response.status})`).toBe(
            expected,
          );
          expect(response.status, `${method} /api/${route.route} as ${caller.name}`).toBeLessThan(500);
        }
      }
    }
    expect(results.length).toBeGreaterThan(50);
  });

  describe('data in scope', () => {
    const headersOf = (name: string) => {
      const found = callers.find((caller) => caller.name === name);
      if (!found?.headers) throw new Error(`no caller ${name}`);
      return found.headers;
    };
    const call = async (
      route: string,
      query: string,
      name: string,
      routeParams: Record<string, string> = {},
    ) => {
      const module = await import(path.join(API_DIR, route, 'route.ts'));
      const url = `http://localhost/api/${route.replace(/\[([^\]]+)\]/g, (_, key: string) => routeParams[key] ?? '')}?${query}`;
      return (module.GET as (request: Request, context: unknown) => Promise<Response>)(
        new NextRequest(url, { headers: headersOf(name) }),
        { params: Promise.resolve(routeParams) },
      );
    };
    const period = 'from=2026-03-01&to=2026-03-31';

    it('opens a consultant for those who may see them named, and reads as not found (404) for everyone else', async () => {
      const expectations: [string, number][] = [
        ['admin', 200],
        ['executive', 200],
        ['director of Surgery', 200],
        ['director of Medicine', 404],
        ['lead of Ophthalmology', 200],
        ['consultant E1 (Ophthalmology)', 200],
        ['consultant C1 (Cardiology)', 404],
      ];
      for (const [name, status] of expectations) {
        const response = await call('metrics/consultants/[consultantId]', period, name, {
          consultantId: String(people.E1),
        });
        expect(response.status, name).toBe(status);
      }
      // A peer in the same specialty is anonymised in tables but cannot be opened (IDOR).
      const peer = await call('metrics/consultants/[consultantId]', period, 'consultant E1 (Ophthalmology)', {
        consultantId: String(people.E2),
      });
      expect(peer.status).toBe(404);
    });

    it('opens a specialty for those who may see its consultants, and 404 otherwise', async () => {
      const expectations: [string, number][] = [
        ['director of Surgery', 200],
        ['director of Medicine', 404],
        ['lead of Ophthalmology', 200],
        ['consultant C1 (Cardiology)', 404],
      ];
      for (const [name, status] of expectations) {
        const response = await call('metrics/specialties/[specialtyId]', period, name, {
          specialtyId: String(specialty['130']),
        });
        expect(response.status, name).toBe(status);
      }
    });

    it('lists exactly the consultants each role may see, named or anonymised', async () => {
      const rowsFor = async (name: string) => {
        const response = await call('metrics/report', `level=consultant&${period}`, name);
        expect(response.status, name).toBe(200);
        const body = (await response.json()) as { rows: { key: string; isAnonymised: boolean }[] };
        return body.rows.map((row) => (row.isAnonymised ? 'anonymised' : row.key)).sort();
      };
      expect(await rowsFor('executive')).toHaveLength(6);
      expect(await rowsFor('director of Medicine')).toEqual(['6300001', '6300002', '6300003']);
      expect(await rowsFor('lead of Ophthalmology')).toEqual(['6100001', '6100002', '6100003']);
      expect(await rowsFor('consultant E1 (Ophthalmology)')).toEqual(['6100001', 'anonymised', 'anonymised']);
      expect(await rowsFor('consultant C1 (Cardiology)')).toEqual(['6300001', 'anonymised', 'anonymised']);
    });

    it('keeps names out of an anonymised view’s every field', async () => {
      const response = await call(
        'metrics/report',
        `level=consultant&${period}`,
        'consultant E1 (Ophthalmology)',
      );
      const text = await response.text();
      expect(text).not.toContain('6100002');
      expect(text).not.toContain('Dr 6100003');
      const { rows } = JSON.parse(text) as { rows: { id: number | null }[] };
      expect(rows.map((row) => row.id)).toEqual([people.E1, null, null]);
      const series = await call(
        'metrics/series',
        `level=consultant&bucket=week&${period}`,
        'consultant E1 (Ophthalmology)',
      );
      const seriesText = await series.text();
      expect(seriesText).not.toContain('6100002');
      expect(seriesText).not.toContain(`"unitId":${people.E2}`);
    });
  });
});
