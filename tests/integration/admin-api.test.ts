/**
 * The admin API (issue 5, parts 3 and 4): users, role assignments, passwords, API tokens, trust parameters and the
 * audit log, called through the route handlers as the browser calls them (same-origin, with a session cookie).
 * Each route works for an administrator, is forbidden (403) to every other role and refused (401) signed out;
 * ids of another trust read as not found (404); every change is in the audit log.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DELETE as deleteApiToken } from '@/app/api/admin/api-tokens/[tokenId]/route';
import { GET as getApiTokens, POST as postApiToken } from '@/app/api/admin/api-tokens/route';
import { GET as getAuditEvents } from '@/app/api/admin/audit-events/route';
import { GET as getAuditCsv } from '@/app/api/admin/audit-events.csv/route';
import { DELETE as deleteMetricTarget } from '@/app/api/admin/metric-targets/[targetId]/route';
import { GET as getMetricTargets, POST as postMetricTarget } from '@/app/api/admin/metric-targets/route';
import { GET as getParameters, PUT as putParameters } from '@/app/api/admin/parameters/route';
import { POST as postPassword } from '@/app/api/admin/users/[userId]/password/route';
import { DELETE as deleteRole } from '@/app/api/admin/users/[userId]/roles/[assignmentId]/route';
import { POST as postRole } from '@/app/api/admin/users/[userId]/roles/route';
import { GET as getUser, PATCH as patchUser } from '@/app/api/admin/users/[userId]/route';
import { GET as getUsers, POST as postUser } from '@/app/api/admin/users/route';
import { POST as postImport } from '@/app/api/imports/route';
import { verifyPassword } from '@/lib/server/auth/password';
import { getDatabase, useDatabase } from '@/lib/server/db';
import { getBenchmarks } from '@/lib/server/metrics/benchmarks';
import { getReviewParameters } from '@/lib/server/reviews/parameters';
import type { Role } from '@/lib/shared/permissions';
import {
  adminUserListResponseSchema,
  adminUserSchema,
  apiTokenListResponseSchema,
  apiTokenSchema,
  auditEventListResponseSchema,
  createApiTokenResponseSchema,
  metricTargetListResponseSchema,
  metricTargetSchema,
  roleAssignmentSchema,
  trustParametersSchema,
  updateTrustParametersResponseSchema,
  userWithPasswordResponseSchema,
} from '@/lib/shared/schemas/admin';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { consultantRow, csvOf } from '../helpers/import-helpers';
import {
  clinic,
  consultant,
  consultantId,
  createOrganisation,
  importRows,
  leave,
  ledgerRows,
  planLine,
} from '../helpers/ledger-scenario';
import { signedInUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

const BASE = 'http://localhost';

type Headers = Record<string, string>;
type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

function call(
  handler: unknown,
  method: string,
  path: string,
  headers: Headers,
  options: { body?: unknown; params?: Record<string, string | number> } = {},
): Promise<Response> {
  const request = new NextRequest(`${BASE}${path}`, {
    method,
    headers: { ...headers, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
  return (handler as Handler)(request, { params: Promise.resolve(params) });
}

async function expectOk<Schema extends z.ZodType>(
  response: Response,
  schema: Schema,
  status = 200,
): Promise<z.output<Schema>> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

async function expectError(response: Response, status: number, message?: RegExp) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = apiErrorResponseSchema.parse(JSON.parse(text));
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

/** Rows as JSON text (audit event ids are bigints), to check that a secret appears nowhere in them. */
const textOf = (rows: readonly { id: bigint }[]) =>
  JSON.stringify(rows.map((row) => ({ ...row, id: String(row.id) })));

const DEFAULT_PARAMETERS = {
  noticeThresholdDays: 42,
  fulfilmentTarget: 0.95,
  dnaIncludesLateNotSeen: true,
  benchmarkMinHeldSessions: 10,
  overDeliveryThreshold: 1.1,
  underDeliveryThreshold: 0.8,
  sustainedMonths: 3,
  jobPlanReviewMonths: 12,
  reviewFulfilmentBelow: 0.8,
  reviewTotalDeliveryAbove: 1.1,
  reviewMonths: 3,
  actionEscalationDays: 28,
};

const CATARACT_TARGET = {
  metricId: 'casesPerSession',
  activityCategory: 'list',
  value: 10,
  source: 'GIRFT ophthalmology',
  sourceUrl: 'https://gettingitrightfirsttime.co.uk/',
};

describe(`the admin API (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let orgA: number;
  let orgB: number;
  let admin: { userId: number; headers: Headers };
  let adminB: { userId: number; headers: Headers };
  const others = {} as Record<Exclude<Role, 'admin'>, Headers>;
  const ids = {} as {
    divisionA: number;
    specialtyA: number;
    consultantA: number;
    divisionB: number;
    specialtyB: number;
    consultantB: number;
    userB: number;
    tokenB: number;
  };
  const GMC = '7100001';

  /** The organisation's audit events of one action, oldest first. */
  const auditOf = (organisationId: number, action: string) =>
    db.prisma.auditEvent.findMany({ where: { organisationId, action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    orgA = await createOrganisation(db, 'RAD');
    orgB = await createOrganisation(db, 'RBD');

    // A tiny ledger in trust A: a Monday morning clinic, held on 1 and 15 June, annual leave on 8 June requested
    // 21 days before (18 May): short notice at the default 42 days, adequate at 14.
    await importRows(db, orgA, 'consultants', [consultant(GMC)]);
    await importRows(db, orgA, 'job-plans', [
      planLine({ gmc: GMC, id: 'JP-A', from: '2026-01-05' }, { day: 'Mon', period: 'AM' }),
    ]);
    await importRows(db, orgA, 'clinic-sessions', [
      clinic('A-0601', GMC, '2026-06-01', 'AM', { attended: 10 }),
      clinic('A-0615', GMC, '2026-06-15', 'AM', { attended: 10 }),
    ]);
    await importRows(db, orgA, 'leave', [
      leave(GMC, '2026-06-08', '2026-06-08', 'annual', { requestedOn: '2026-05-18' }),
    ]);
    await importRows(db, orgB, 'consultants', [
      consultantRow('7200001', { division_code: 'MED', division_name: 'Medicine' }),
    ]);

    ids.divisionA = (await db.prisma.division.findFirstOrThrow({ where: { organisationId: orgA } })).id;
    ids.specialtyA = (await db.prisma.specialty.findFirstOrThrow({ where: { organisationId: orgA } })).id;
    ids.consultantA = await consultantId(db, orgA, GMC);
    ids.divisionB = (await db.prisma.division.findFirstOrThrow({ where: { organisationId: orgB } })).id;
    ids.specialtyB = (await db.prisma.specialty.findFirstOrThrow({ where: { organisationId: orgB } })).id;
    ids.consultantB = await consultantId(db, orgB, '7200001');

    admin = await signedInUser(db, orgA, 'admin');
    adminB = await signedInUser(db, orgB, 'admin');
    ids.userB = adminB.userId;
    others.executive = (await signedInUser(db, orgA, 'executive')).headers;
    others.divisional_director = (
      await signedInUser(db, orgA, 'divisional_director', { divisionId: ids.divisionA })
    ).headers;
    others.clinical_lead = (
      await signedInUser(db, orgA, 'clinical_lead', { specialtyId: ids.specialtyA })
    ).headers;
    others.consultant = (
      await signedInUser(db, orgA, 'consultant', { consultantId: ids.consultantA })
    ).headers;

    const tokenB = await call(postApiToken, 'POST', '/api/admin/api-tokens', adminB.headers, {
      body: { name: 'trust B drop' },
    });
    ids.tokenB = createApiTokenResponseSchema.parse(await tokenB.json()).token.id;
  });
  afterAll(() => db?.drop());

  /** Every route and method, with a valid request (ids of trust A's admin user, so they exist). */
  const everyRoute = (): { name: string; send: (headers: Headers) => Promise<Response> }[] => [
    { name: 'GET users', send: (h) => call(getUsers, 'GET', '/api/admin/users', h) },
    {
      name: 'POST users',
      send: (h) =>
        call(postUser, 'POST', '/api/admin/users', h, {
          body: { email: `forbidden-${Math.random()}@nhs.net`, name: 'Nobody' },
        }),
    },
    {
      name: 'GET user',
      send: (h) => call(getUser, 'GET', '/api/admin/users/x', h, { params: { userId: admin.userId } }),
    },
    {
      name: 'PATCH user',
      send: (h) =>
        call(patchUser, 'PATCH', '/api/admin/users/x', h, {
          params: { userId: admin.userId },
          body: { name: 'Renamed' },
        }),
    },
    {
      name: 'POST password',
      send: (h) =>
        call(postPassword, 'POST', '/api/admin/users/x/password', h, {
          params: { userId: admin.userId },
          body: { mode: 'set', password: 'a long enough password' },
        }),
    },
    {
      name: 'POST role',
      send: (h) =>
        call(postRole, 'POST', '/api/admin/users/x/roles', h, {
          params: { userId: admin.userId },
          body: { role: 'executive' },
        }),
    },
    {
      name: 'DELETE role',
      send: (h) =>
        call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', h, {
          params: { userId: admin.userId, assignmentId: 1 },
        }),
    },
    { name: 'GET tokens', send: (h) => call(getApiTokens, 'GET', '/api/admin/api-tokens', h) },
    {
      name: 'POST token',
      send: (h) => call(postApiToken, 'POST', '/api/admin/api-tokens', h, { body: { name: 'x' } }),
    },
    {
      name: 'DELETE token',
      send: (h) => call(deleteApiToken, 'DELETE', '/api/admin/api-tokens/x', h, { params: { tokenId: 1 } }),
    },
    { name: 'GET parameters', send: (h) => call(getParameters, 'GET', '/api/admin/parameters', h) },
    {
      name: 'PUT parameters',
      send: (h) => call(putParameters, 'PUT', '/api/admin/parameters', h, { body: DEFAULT_PARAMETERS }),
    },
    {
      name: 'GET metric targets',
      send: (h) => call(getMetricTargets, 'GET', '/api/admin/metric-targets', h),
    },
    {
      name: 'POST metric target',
      send: (h) =>
        call(postMetricTarget, 'POST', '/api/admin/metric-targets', h, {
          body: { ...CATARACT_TARGET, specialtyId: null },
        }),
    },
    {
      name: 'DELETE metric target',
      send: (h) =>
        call(deleteMetricTarget, 'DELETE', '/api/admin/metric-targets/x', h, { params: { targetId: 1 } }),
    },
    { name: 'GET audit events', send: (h) => call(getAuditEvents, 'GET', '/api/admin/audit-events', h) },
    { name: 'GET audit CSV', send: (h) => call(getAuditCsv, 'GET', '/api/admin/audit-events.csv', h) },
  ];

  describe('access', () => {
    it('forbids every admin route to every other role (403), and changes nothing', async () => {
      const eventsBefore = await db.prisma.auditEvent.count({ where: { organisationId: orgA } });
      const usersBefore = await db.prisma.user.count({ where: { organisationId: orgA } });
      for (const [role, headers] of Object.entries(others)) {
        for (const route of everyRoute()) {
          const response = await route.send(headers);
          await expectError(response, 403, /needs the “(users|api-tokens|parameters|audit):/);
          expect(response.status, `${route.name} as ${role}`).toBe(403);
        }
      }
      expect(await db.prisma.auditEvent.count({ where: { organisationId: orgA } })).toBe(eventsBefore);
      expect(await db.prisma.user.count({ where: { organisationId: orgA } })).toBe(usersBefore);
    });

    it('refuses every admin route signed out (401), from another site (401), and to an API token (403)', async () => {
      const token = await call(postApiToken, 'POST', '/api/admin/api-tokens', admin.headers, {
        body: { name: 'import only' },
      });
      const { secret } = createApiTokenResponseSchema.parse(await token.json());
      for (const route of everyRoute()) {
        await expectError(await route.send({ 'sec-fetch-site': 'same-origin' }), 401, /Sign in/);
        // The admin's own cookie, sent by another site's page (CSRF), is not accepted.
        await expectError(await route.send({ ...admin.headers, 'sec-fetch-site': 'cross-site' }), 401);
        await expectError(await route.send({ authorization: `Bearer ${secret}` }), 403);
      }
    });
  });

  describe('users', () => {
    let created: z.infer<typeof adminUserSchema>;

    it('creates a user with an initial password, lists them, and records it (no password in the log)', async () => {
      const response = await call(postUser, 'POST', '/api/admin/users', admin.headers, {
        body: { email: '  Jane.Smith@NHS.net ', name: 'Jane Smith', password: 'initial password 1' },
      });
      const body = await expectOk(response, userWithPasswordResponseSchema, 201);
      created = body.user;
      expect(body.generatedPassword).toBeNull();
      expect(created).toMatchObject({
        email: 'jane.smith@nhs.net',
        name: 'Jane Smith',
        isActive: true,
        hasPassword: true,
        roles: [],
        lastSignInAt: null,
      });
      const stored = await db.prisma.user.findFirstOrThrow({
        where: { organisationId: orgA, id: created.id },
      });
      expect(await verifyPassword('initial password 1', stored.passwordHash ?? '')).toBe(true);

      const list = await expectOk(
        await call(getUsers, 'GET', '/api/admin/users', admin.headers),
        adminUserListResponseSchema,
      );
      expect(list.users.map((user) => user.email)).toContain('jane.smith@nhs.net');
      expect(JSON.stringify(list)).not.toMatch(/scrypt|passwordHash/);

      const [event] = await auditOf(orgA, 'user.created');
      expect(event).toMatchObject({
        actorUserId: admin.userId,
        entityType: 'user',
        entityId: String(created.id),
        details: { email: 'jane.smith@nhs.net', name: 'Jane Smith', password: 'set' },
      });
      expect(JSON.stringify(event?.details)).not.toContain('initial password 1');
    });

    it('creates a single sign-on user without a password, and one with a generated password shown once', async () => {
      const sso = await expectOk(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, {
          body: { email: 'sso.only@nhs.net', name: 'SSO Only' },
        }),
        userWithPasswordResponseSchema,
        201,
      );
      expect(sso.user.hasPassword).toBe(false);
      const generated = await expectOk(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, {
          body: { email: 'generated@nhs.net', name: 'Generated', generatePassword: true },
        }),
        userWithPasswordResponseSchema,
        201,
      );
      expect(generated.generatedPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      const stored = await db.prisma.user.findFirstOrThrow({ where: { id: generated.user.id } });
      expect(await verifyPassword(generated.generatedPassword ?? '', stored.passwordHash ?? '')).toBe(true);
    });

    it('refuses a taken email (409, whatever its case), a bad email, a short password and unknown fields (400)', async () => {
      await expectError(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, {
          body: { email: 'JANE.SMITH@nhs.net', name: 'Jane again' },
        }),
        409,
        /already a user with the email address jane\.smith@nhs\.net/,
      );
      const bad = await expectError(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, {
          body: { email: 'not-an-email', name: '', password: 'short' },
        }),
        400,
        /email: Enter an email address in the correct format/,
      );
      expect(bad.error.issues?.map((issue) => issue.path).sort()).toEqual(['email', 'name', 'password']);
      await expectError(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, {
          body: { email: 'x@nhs.net', name: 'X', isAdmin: true },
        }),
        400,
        /isAdmin/,
      );
      await expectError(
        await call(postUser, 'POST', '/api/admin/users', admin.headers, { body: 'not json' }),
        400,
      );
    });

    it('renames, deactivates and reactivates a user, recording each change with before and after', async () => {
      const renamed = await expectOk(
        await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
          params: { userId: created.id },
          body: { name: 'Jane Smith-Jones' },
        }),
        adminUserSchema,
      );
      expect(renamed.name).toBe('Jane Smith-Jones');
      const deactivated = await expectOk(
        await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
          params: { userId: created.id },
          body: { isActive: false },
        }),
        adminUserSchema,
      );
      expect(deactivated.isActive).toBe(false);
      const reactivated = await expectOk(
        await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
          params: { userId: created.id },
          body: { isActive: true },
        }),
        adminUserSchema,
      );
      expect(reactivated.isActive).toBe(true);

      expect((await auditOf(orgA, 'user.updated')).map((event) => event.details)).toEqual([
        { before: { name: 'Jane Smith' }, after: { name: 'Jane Smith-Jones' } },
      ]);
      expect(await auditOf(orgA, 'user.deactivated')).toHaveLength(1);
      expect(await auditOf(orgA, 'user.reactivated')).toHaveLength(1);

      const fetched = await expectOk(
        await call(getUser, 'GET', '/api/admin/users/x', admin.headers, { params: { userId: created.id } }),
        adminUserSchema,
      );
      expect(fetched).toEqual(reactivated);
    });

    it('stops a deactivated user’s session at once', async () => {
      const lead = await signedInUser(db, orgA, 'admin');
      expect((await call(getUsers, 'GET', '/api/admin/users', lead.headers)).status).toBe(200);
      await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
        params: { userId: lead.userId },
        body: { isActive: false },
      });
      await expectError(await call(getUsers, 'GET', '/api/admin/users', lead.headers), 401);
    });

    it('will not let an administrator deactivate themselves', async () => {
      await expectError(
        await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
          params: { userId: admin.userId },
          body: { isActive: false },
        }),
        409,
        /cannot deactivate your own account/,
      );
    });

    it('resets a password: the old one is refused and the new one accepted; a generated one is shown once', async () => {
      const reset = await expectOk(
        await call(postPassword, 'POST', '/api/admin/users/x/password', admin.headers, {
          params: { userId: created.id },
          body: { mode: 'set', password: 'a brand new password' },
        }),
        userWithPasswordResponseSchema,
      );
      expect(reset.generatedPassword).toBeNull();
      let stored = await db.prisma.user.findFirstOrThrow({ where: { id: created.id } });
      expect(await verifyPassword('initial password 1', stored.passwordHash ?? '')).toBe(false);
      expect(await verifyPassword('a brand new password', stored.passwordHash ?? '')).toBe(true);

      // A locked account is unlocked by a reset.
      await db.prisma.user.update({
        where: { organisationId_id: { organisationId: orgA, id: created.id } },
        data: { lockedUntil: new Date(Date.now() + 600_000), failedSignInCount: 5 },
      });
      const generated = await expectOk(
        await call(postPassword, 'POST', '/api/admin/users/x/password', admin.headers, {
          params: { userId: created.id },
          body: { mode: 'generate' },
        }),
        userWithPasswordResponseSchema,
      );
      expect(generated.user.lockedUntil).toBeNull();
      stored = await db.prisma.user.findFirstOrThrow({ where: { id: created.id } });
      expect(await verifyPassword('a brand new password', stored.passwordHash ?? '')).toBe(false);
      expect(await verifyPassword(generated.generatedPassword ?? '', stored.passwordHash ?? '')).toBe(true);
      expect(stored.failedSignInCount).toBe(0);

      const events = await auditOf(orgA, 'user.password_reset');
      expect(events.map((event) => event.details)).toEqual([{ method: 'set' }, { method: 'generated' }]);
      expect(textOf(events)).not.toContain('a brand new password');
      expect(textOf(events)).not.toContain(generated.generatedPassword);

      await expectError(
        await call(postPassword, 'POST', '/api/admin/users/x/password', admin.headers, {
          params: { userId: created.id },
          body: { mode: 'set', password: 'short' },
        }),
        400,
        /at least 12 characters/,
      );
      await expectError(
        await call(postPassword, 'POST', '/api/admin/users/x/password', admin.headers, {
          params: { userId: created.id },
          body: { mode: 'reveal' },
        }),
        400,
        /"set"|"generate"/,
      );
    });

    it('assigns roles with a scope of the trust, and revokes them', async () => {
      const assign = (body: unknown) =>
        call(postRole, 'POST', '/api/admin/users/x/roles', admin.headers, {
          params: { userId: created.id },
          body,
        });
      const lead = await expectOk(
        await assign({ role: 'clinical_lead', specialtyId: ids.specialtyA }),
        roleAssignmentSchema,
        201,
      );
      expect(lead.scope).toEqual({ kind: 'specialty', id: ids.specialtyA, name: 'Ophthalmology' });
      const director = await expectOk(
        await assign({ role: 'divisional_director', divisionId: ids.divisionA }),
        roleAssignmentSchema,
        201,
      );
      expect(director.scope).toMatchObject({ kind: 'division', name: 'Surgery' });
      const self = await expectOk(
        await assign({ role: 'consultant', consultantId: ids.consultantA }),
        roleAssignmentSchema,
        201,
      );
      expect(self.scope).toMatchObject({ kind: 'consultant', name: `Dr ${GMC}`, gmcNumber: GMC });
      await expectOk(await assign({ role: 'executive' }), roleAssignmentSchema, 201);

      await expectError(
        await assign({ role: 'clinical_lead', specialtyId: ids.specialtyA }),
        409,
        /already holds this role/,
      );
      await expectError(await assign({ role: 'clinical_lead' }), 400, /Choose the specialty/);
      await expectError(await assign({ role: 'executive', divisionId: ids.divisionA }), 400, /divisionId/);
      await expectError(await assign({ role: 'superuser' }), 400, /Choose a role/);

      const user = await expectOk(
        await call(getUser, 'GET', '/api/admin/users/x', admin.headers, { params: { userId: created.id } }),
        adminUserSchema,
      );
      expect(user.roles.map((role) => role.role)).toEqual([
        'clinical_lead',
        'divisional_director',
        'consultant',
        'executive',
      ]);

      const revoked = await expectOk(
        await call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', admin.headers, {
          params: { userId: created.id, assignmentId: director.id },
        }),
        roleAssignmentSchema,
      );
      expect(revoked.id).toBe(director.id);
      const row = await db.prisma.roleAssignment.findFirstOrThrow({ where: { id: director.id } });
      expect(row.revokedAt).not.toBeNull();
      await expectError(
        await call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', admin.headers, {
          params: { userId: created.id, assignmentId: director.id },
        }),
        409,
        /already revoked/,
      );
      // The assignment belongs to another user: not found for this one.
      await expectError(
        await call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', admin.headers, {
          params: { userId: admin.userId, assignmentId: lead.id },
        }),
        404,
      );

      const assigned = await auditOf(orgA, 'role.assigned');
      expect(assigned[0]).toMatchObject({
        entityType: 'user',
        entityId: String(created.id),
        details: {
          assignmentId: lead.id,
          role: 'clinical_lead',
          scope: { kind: 'specialty', id: ids.specialtyA, name: 'Ophthalmology' },
        },
      });
      expect(await auditOf(orgA, 'role.revoked')).toEqual([
        expect.objectContaining({
          details: {
            assignmentId: director.id,
            role: 'divisional_director',
            scope: { kind: 'division', id: ids.divisionA, name: 'Surgery' },
          },
        }),
      ]);
    });

    it('gives the new role’s access at once', async () => {
      const user = await signedInUser(db, orgA, 'consultant', { consultantId: ids.consultantA });
      await expectError(await call(getUsers, 'GET', '/api/admin/users', user.headers), 403);
      await call(postRole, 'POST', '/api/admin/users/x/roles', admin.headers, {
        params: { userId: user.userId },
        body: { role: 'admin' },
      });
      expect((await call(getUsers, 'GET', '/api/admin/users', user.headers)).status).toBe(200);
    });

    it('will not let an administrator revoke their own administrator role', async () => {
      const own = await db.prisma.roleAssignment.findFirstOrThrow({
        where: { organisationId: orgA, userId: admin.userId, role: 'admin' },
      });
      await expectError(
        await call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', admin.headers, {
          params: { userId: admin.userId, assignmentId: own.id },
        }),
        409,
        /your own administrator role/,
      );
    });

    it('reads another trust’s users, divisions, specialties and consultants as not found (404)', async () => {
      const other = { userId: ids.userB };
      await expectError(
        await call(getUser, 'GET', '/api/admin/users/x', admin.headers, { params: other }),
        404,
        new RegExp(`No user ${ids.userB}`),
      );
      await expectError(
        await call(patchUser, 'PATCH', '/api/admin/users/x', admin.headers, {
          params: other,
          body: { name: 'Hijacked' },
        }),
        404,
      );
      await expectError(
        await call(postPassword, 'POST', '/api/admin/users/x/password', admin.headers, {
          params: other,
          body: { mode: 'generate' },
        }),
        404,
      );
      await expectError(
        await call(postRole, 'POST', '/api/admin/users/x/roles', admin.headers, {
          params: other,
          body: { role: 'admin' },
        }),
        404,
      );
      const bAssignment = await db.prisma.roleAssignment.findFirstOrThrow({
        where: { organisationId: orgB, userId: ids.userB },
      });
      await expectError(
        await call(deleteRole, 'DELETE', '/api/admin/users/x/roles/y', admin.headers, {
          params: { userId: ids.userB, assignmentId: bAssignment.id },
        }),
        404,
      );
      for (const [body, what] of [
        [{ role: 'divisional_director', divisionId: ids.divisionB }, 'division'],
        [{ role: 'clinical_lead', specialtyId: ids.specialtyB }, 'specialty'],
        [{ role: 'consultant', consultantId: ids.consultantB }, 'consultant'],
      ] as const) {
        await expectError(
          await call(postRole, 'POST', '/api/admin/users/x/roles', admin.headers, {
            params: { userId: created.id },
            body,
          }),
          404,
          new RegExp(`No ${what}`),
        );
      }
      await expectError(
        await call(getUser, 'GET', '/api/admin/users/x', admin.headers, { params: { userId: 'abc' } }),
        404,
      );
      const untouched = await db.prisma.user.findFirstOrThrow({ where: { id: ids.userB } });
      expect(untouched.name).not.toBe('Hijacked');
      const listB = adminUserListResponseSchema.parse(
        await (await call(getUsers, 'GET', '/api/admin/users', adminB.headers)).json(),
      );
      expect(listB.users.map((user) => user.id)).toEqual([ids.userB]);
    });
  });

  describe('API tokens', () => {
    const consultantsCsv = csvOf('consultants', [consultantRow('7100009')]);
    const importWith = (token: string) => {
      const form = new FormData();
      form.append('kind', 'consultants');
      form.append('file', new Blob([consultantsCsv], { type: 'text/csv' }), 'consultants.csv');
      return postImport(
        new NextRequest(`${BASE}/api/imports`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${token}` },
        }),
      );
    };

    it('creates a token shown once, lists it without its secret, and revokes it so that imports are refused', async () => {
      const created = await expectOk(
        await call(postApiToken, 'POST', '/api/admin/api-tokens', admin.headers, {
          body: { name: 'Nightly PAS drop' },
        }),
        createApiTokenResponseSchema,
        201,
      );
      expect(created.secret).toMatch(/^ful_RAD_[A-Za-z0-9_-]{43}$/);
      expect(created.token).toMatchObject({
        name: 'Nightly PAS drop',
        revokedAt: null,
        createdBy: { id: admin.userId },
      });

      const list = await expectOk(
        await call(getApiTokens, 'GET', '/api/admin/api-tokens', admin.headers),
        apiTokenListResponseSchema,
      );
      expect(list.tokens.map((token) => token.name)).toContain('Nightly PAS drop');
      const listText = JSON.stringify(list);
      expect(listText).not.toContain(created.secret.slice(8));
      const stored = await db.prisma.apiToken.findFirstOrThrow({ where: { id: created.token.id } });
      expect(listText).not.toContain(stored.tokenHash);
      expect(list.tokens.map((token) => token.id)).not.toContain(ids.tokenB);

      expect((await importWith(created.secret)).status).toBe(200);

      const revoked = await expectOk(
        await call(deleteApiToken, 'DELETE', '/api/admin/api-tokens/x', admin.headers, {
          params: { tokenId: created.token.id },
        }),
        apiTokenSchema,
      );
      expect(revoked.revokedAt).not.toBeNull();
      await expectError(await importWith(created.secret), 401, /"Nightly PAS drop" was revoked/);
      await expectError(
        await call(deleteApiToken, 'DELETE', '/api/admin/api-tokens/x', admin.headers, {
          params: { tokenId: created.token.id },
        }),
        409,
        /already revoked/,
      );

      const createdEvents = await auditOf(orgA, 'api_token.created');
      expect(createdEvents.at(-1)).toMatchObject({
        entityType: 'api_token',
        entityId: String(created.token.id),
        details: { name: 'Nightly PAS drop' },
      });
      expect(await auditOf(orgA, 'api_token.revoked')).toEqual([
        expect.objectContaining({ entityId: String(created.token.id), actorUserId: admin.userId }),
      ]);
      expect(textOf(await db.prisma.auditEvent.findMany())).not.toContain(created.secret);
    });

    it('reads another trust’s token as not found, and leaves it working', async () => {
      await expectError(
        await call(deleteApiToken, 'DELETE', '/api/admin/api-tokens/x', admin.headers, {
          params: { tokenId: ids.tokenB },
        }),
        404,
        new RegExp(`No API token ${ids.tokenB}`),
      );
      const token = await db.prisma.apiToken.findFirstOrThrow({ where: { id: ids.tokenB } });
      expect(token.revokedAt).toBeNull();
    });

    it('refuses a token without a name', async () => {
      await expectError(
        await call(postApiToken, 'POST', '/api/admin/api-tokens', admin.headers, { body: { name: '  ' } }),
        400,
        /Enter a name for the token/,
      );
    });
  });

  describe('trust parameters', () => {
    const put = (body: unknown, headers = admin.headers) =>
      call(putParameters, 'PUT', '/api/admin/parameters', headers, { body });
    const leaveOutcome = async () =>
      (await ledgerRows(db, orgA, GMC)).find((row) => row.date === '2026-06-08')?.outcome;

    it('reads the parameters in force', async () => {
      const parameters = await expectOk(
        await call(getParameters, 'GET', '/api/admin/parameters', admin.headers),
        trustParametersSchema,
      );
      expect(parameters).toMatchObject(DEFAULT_PARAMETERS);
    });

    it('refuses values out of range, missing, of the wrong type or inconsistent, saying which and why', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ noticeThresholdDays: -1 }, /leave-notice threshold must be a whole number from 0 to 365/],
        [{ noticeThresholdDays: 4.5 }, /whole number/],
        [{ fulfilmentTarget: 1.2 }, /fulfilment target must be from 50% to 100%/],
        [{ fulfilmentTarget: 0.955555 }, /at most 2 decimal places/],
        [{ dnaIncludesLateNotSeen: 'yes' }, /DNA includes code 7/],
        [{ sustainedMonths: 0 }, /Sustained for must be a whole number from 1 to 12/],
        [{ underDeliveryThreshold: 1, overDeliveryThreshold: 1 }, /under-delivery threshold must be below/],
        [{ reviewFulfilmentBelow: 0.05 }, /“for review” fulfilment threshold must be from 10% to 100%/],
        [{ reviewFulfilmentBelow: 0.805555 }, /at most 2 decimal places/],
        [{ reviewTotalDeliveryAbove: 2.5 }, /total delivery threshold must be from 100% to 200%/],
        [
          { reviewFulfilmentBelow: 1, reviewTotalDeliveryAbove: 1 },
          /fulfilment threshold must be below the total delivery threshold/,
        ],
        [{ reviewMonths: 13 }, /run of months must be a whole number from 1 to 12/],
        [{ actionEscalationDays: 0 }, /escalation delay must be a whole number from 1 to 365/],
        [{ actionEscalationDays: '28' }, /escalation delay must be a whole number/],
        [{ colour: 'blue' }, /colour/],
      ];
      for (const [change, message] of cases) {
        await expectError(await put({ ...DEFAULT_PARAMETERS, ...change }), 400, message);
      }
      const { jobPlanReviewMonths: _, ...missing } = DEFAULT_PARAMETERS;
      await expectError(await put(missing), 400, /jobPlanReviewMonths/);
      expect(await auditOf(orgA, 'parameters.updated')).toEqual([]);
    });

    it('saves a change read at query time without touching the ledger, recording before and after', async () => {
      const ledgerBefore = await ledgerRows(db, orgA);
      const saved = await expectOk(
        await put({ ...DEFAULT_PARAMETERS, fulfilmentTarget: 0.9, sustainedMonths: 4 }),
        updateTrustParametersResponseSchema,
      );
      expect(saved).toMatchObject({
        changed: ['fulfilmentTarget', 'sustainedMonths'],
        ledgerRebuild: 'not-needed',
        parameters: { fulfilmentTarget: 0.9, sustainedMonths: 4 },
      });
      expect(await ledgerRows(db, orgA)).toEqual(ledgerBefore);
      const [event] = await auditOf(orgA, 'parameters.updated');
      expect(event?.details).toEqual({
        before: { fulfilmentTarget: 0.95, sustainedMonths: 3 },
        after: { fulfilmentTarget: 0.9, sustainedMonths: 4 },
      });

      // Saving the same values again changes nothing and records nothing.
      const again = await expectOk(
        await put({ ...DEFAULT_PARAMETERS, fulfilmentTarget: 0.9, sustainedMonths: 4 }),
        updateTrustParametersResponseSchema,
      );
      expect(again.changed).toEqual([]);
      expect(await auditOf(orgA, 'parameters.updated')).toHaveLength(1);
    });

    it('rebuilds the ledger when the notice threshold changes: 21 days’ notice flips between short and adequate', async () => {
      expect(await leaveOutcome()).toBe('leave_short_notice');
      const lowered = await expectOk(
        await put({
          ...DEFAULT_PARAMETERS,
          fulfilmentTarget: 0.9,
          sustainedMonths: 4,
          noticeThresholdDays: 14,
        }),
        updateTrustParametersResponseSchema,
      );
      expect(lowered).toMatchObject({ changed: ['noticeThresholdDays'], ledgerRebuild: 'done' });
      expect(await leaveOutcome()).toBe('leave_adequate_notice');
      expect(await db.prisma.ledgerRefreshRequest.count({ where: { organisationId: orgA } })).toBe(0);

      await put({
        ...DEFAULT_PARAMETERS,
        fulfilmentTarget: 0.9,
        sustainedMonths: 4,
        noticeThresholdDays: 21,
      });
      expect(await leaveOutcome()).toBe('leave_adequate_notice');
      await put({
        ...DEFAULT_PARAMETERS,
        fulfilmentTarget: 0.9,
        sustainedMonths: 4,
        noticeThresholdDays: 22,
      });
      expect(await leaveOutcome()).toBe('leave_short_notice');

      const events = await auditOf(orgA, 'parameters.updated');
      expect(events.slice(1).map((event) => event.details)).toEqual([
        { before: { noticeThresholdDays: 42 }, after: { noticeThresholdDays: 14 } },
        { before: { noticeThresholdDays: 14 }, after: { noticeThresholdDays: 21 } },
        { before: { noticeThresholdDays: 21 }, after: { noticeThresholdDays: 22 } },
      ]);
    });

    it('saves the escalation rules, audited, and the review rules read them', async () => {
      const rules = {
        reviewFulfilmentBelow: 0.75,
        reviewTotalDeliveryAbove: 1.2,
        reviewMonths: 2,
        actionEscalationDays: 14,
      };
      const current = await expectOk(
        await call(getParameters, 'GET', '/api/admin/parameters', admin.headers),
        trustParametersSchema,
      );
      const { updatedAt: _, ...inForce } = current;
      const saved = await expectOk(await put({ ...inForce, ...rules }), updateTrustParametersResponseSchema);
      expect(saved).toMatchObject({
        changed: [
          'reviewFulfilmentBelow',
          'reviewTotalDeliveryAbove',
          'reviewMonths',
          'actionEscalationDays',
        ],
        ledgerRebuild: 'not-needed',
        parameters: rules,
      });
      const events = await auditOf(orgA, 'parameters.updated');
      expect(events.at(-1)?.details).toEqual({
        before: {
          reviewFulfilmentBelow: 0.8,
          reviewTotalDeliveryAbove: 1.1,
          reviewMonths: 3,
          actionEscalationDays: 28,
        },
        after: rules,
      });
      // The escalation rules (for-review list, escalated actions) read the saved values.
      expect(await getReviewParameters(await getDatabase(), orgA)).toMatchObject(rules);
      expect(
        await expectOk(
          await call(getParameters, 'GET', '/api/admin/parameters', admin.headers),
          trustParametersSchema,
        ),
      ).toMatchObject(rules);

      // Put back as the other tests expect them.
      await expectOk(await put(inForce), updateTrustParametersResponseSchema);
    });

    it('leaves another trust’s parameters alone', async () => {
      const parametersB = await expectOk(
        await call(getParameters, 'GET', '/api/admin/parameters', adminB.headers),
        trustParametersSchema,
      );
      expect(parametersB).toMatchObject(DEFAULT_PARAMETERS);
    });
  });

  describe('metric targets', () => {
    const list = (headers = admin.headers) =>
      call(getMetricTargets, 'GET', '/api/admin/metric-targets', headers);
    const post = (body: unknown, headers = admin.headers) =>
      call(postMetricTarget, 'POST', '/api/admin/metric-targets', headers, { body });
    const benchmarkOf = async (category: 'clinic' | 'list') =>
      (
        await getBenchmarks(
          await getDatabase(),
          orgA,
          [ids.specialtyA],
          { from: '2026-06-01', to: '2026-06-30' },
          1,
        )
      ).get(`${ids.specialtyA}:${category}`);

    it('refuses a target that is not valid, saying which field and why', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ value: 0 }, /more than 0/],
        [{ value: 5000 }, /1000 or less/],
        [{ source: ' ' }, /where the target comes from/],
        [{ metricId: 'dnaRate' }, /Choose a metric/],
        [{ activityCategory: 'ward' }, /clinics, lists/],
        [{ sourceUrl: 'javascript:alert(1)' }, /web address/],
      ];
      for (const [change, message] of cases) {
        await expectError(
          await post({ ...CATARACT_TARGET, specialtyId: ids.specialtyA, ...change }),
          400,
          message,
        );
      }
      // Another trust's specialty reads as not found.
      await expectError(await post({ ...CATARACT_TARGET, specialtyId: ids.specialtyB }), 404);
      expect(await auditOf(orgA, 'metric_target.set')).toEqual([]);
    });

    it('sets a target the benchmarks use at once, replaces it, removes it, and records each change', async () => {
      expect(await benchmarkOf('clinic')).toMatchObject({ source: 'median', value: 10 });
      const created = await expectOk(
        await post({ ...CATARACT_TARGET, activityCategory: 'clinic', specialtyId: ids.specialtyA }),
        metricTargetSchema,
        201,
      );
      expect(created).toMatchObject({
        value: 10,
        activityCategory: 'clinic',
        specialty: { id: ids.specialtyA },
      });
      const replaced = await expectOk(
        await post({
          ...CATARACT_TARGET,
          activityCategory: 'clinic',
          specialtyId: ids.specialtyA,
          value: 12.5,
        }),
        metricTargetSchema,
        201,
      );
      expect(await benchmarkOf('clinic')).toMatchObject({ source: 'target', value: 12.5 });
      const listed = await expectOk(await list(), metricTargetListResponseSchema);
      expect(listed.targets.map((target) => [target.id, target.value])).toEqual([[replaced.id, 12.5]]);
      expect(listed.specialties.map((specialty) => specialty.id)).toEqual([ids.specialtyA]);
      // Trust B sees none of it.
      expect((await expectOk(await list(adminB.headers), metricTargetListResponseSchema)).targets).toEqual(
        [],
      );
      await expectError(
        await call(deleteMetricTarget, 'DELETE', '/api/admin/metric-targets/x', adminB.headers, {
          params: { targetId: replaced.id },
        }),
        404,
      );

      const removed = await call(deleteMetricTarget, 'DELETE', '/api/admin/metric-targets/x', admin.headers, {
        params: { targetId: replaced.id },
      });
      expect(removed.status).toBe(204);
      expect(await benchmarkOf('clinic')).toMatchObject({ source: 'median' });

      const set = await auditOf(orgA, 'metric_target.set');
      expect(set.map((event) => event.details)).toEqual([
        expect.objectContaining({
          metricId: 'casesPerSession',
          activityCategory: 'clinic',
          before: null,
          after: { value: 10, source: 'GIRFT ophthalmology', sourceUrl: CATARACT_TARGET.sourceUrl },
        }),
        expect.objectContaining({
          before: { value: 10, source: 'GIRFT ophthalmology', sourceUrl: CATARACT_TARGET.sourceUrl },
          after: { value: 12.5, source: 'GIRFT ophthalmology', sourceUrl: CATARACT_TARGET.sourceUrl },
        }),
      ]);
      expect(set.every((event) => event.actorUserId === admin.userId)).toBe(true);
      const [removal] = await auditOf(orgA, 'metric_target.removed');
      expect(removal).toMatchObject({ entityId: String(replaced.id), actorUserId: admin.userId });
    });
  });

  describe('audit log', () => {
    const list = (query: string, headers = admin.headers) =>
      call(getAuditEvents, 'GET', `/api/admin/audit-events${query}`, headers);

    it('lists the trust’s events newest first, with their actors, paginated', async () => {
      const all = await expectOk(await list(''), auditEventListResponseSchema);
      expect(all.total).toBe(await db.prisma.auditEvent.count({ where: { organisationId: orgA } }));
      expect(all.events.length).toBe(Math.min(50, all.total));
      const times = all.events.map((event) => event.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      // The newest event with a person behind it is the administrator's (imports run by tests have no actor).
      expect(all.events.find((event) => event.actor.kind === 'user')?.actor).toMatchObject({
        kind: 'user',
        id: admin.userId,
      });

      const page1 = await expectOk(await list('?pageSize=3'), auditEventListResponseSchema);
      const page2 = await expectOk(await list('?pageSize=3&page=2'), auditEventListResponseSchema);
      expect(page1.events).toEqual(all.events.slice(0, 3));
      expect(page2.events).toEqual(all.events.slice(3, 6));
      expect(page2).toMatchObject({ page: 2, pageSize: 3, total: all.total });

      // Trust B sees only its own.
      const b = await expectOk(await list('', adminB.headers), auditEventListResponseSchema);
      expect(b.total).toBe(await db.prisma.auditEvent.count({ where: { organisationId: orgB } }));
      expect(b.events.map((event) => event.action)).toContain('api_token.created');
      expect(b.events.map((event) => event.action)).not.toContain('user.created');
    });

    it('filters by action, actor, entity type and London dates', async () => {
      const created = await expectOk(await list('?action=user.created'), auditEventListResponseSchema);
      expect(created.total).toBe(3);
      expect(new Set(created.events.map((event) => event.action))).toEqual(new Set(['user.created']));

      const byActor = await expectOk(
        await list(`?actorUserId=${admin.userId}&entityType=api_token`),
        auditEventListResponseSchema,
      );
      expect(byActor.events.map((event) => event.action).sort()).toEqual([
        'api_token.created',
        'api_token.created',
        'api_token.revoked',
      ]);

      // An event at 23:30 UTC on 30 June 2026 is 00:30 on 1 July in London (BST).
      await db.prisma.auditEvent.create({
        data: {
          organisationId: orgA,
          action: 'test.boundary',
          occurredAt: new Date('2026-06-30T23:30:00Z'),
        },
      });
      const july1 = await expectOk(
        await list('?from=2026-07-01&to=2026-07-01&action=test.boundary'),
        auditEventListResponseSchema,
      );
      expect(july1.total).toBe(1);
      const june30 = await expectOk(
        await list('?from=2026-06-30&to=2026-06-30&action=test.boundary'),
        auditEventListResponseSchema,
      );
      expect(june30.total).toBe(0);
    });

    it('refuses bad filters, naming the parameter', async () => {
      await expectError(await list('?from=2026-02-30'), 400, /"from" must be a date/);
      await expectError(
        await list('?from=2026-03-02&to=2026-03-01'),
        400,
        /"from" must be on or before "to"/,
      );
      await expectError(await list('?pageSize=1000'), 400, /at most 200/);
      await expectError(await list('?actorUserId=me'), 400, /actorUserId/);
      await expectError(await list('?sort=oldest'), 400, /sort/);
    });

    it('exports the filtered log as CSV with formula cells defused, and records the export', async () => {
      // An administrator whose name and address a spreadsheet would run as formulas.
      const hostile = await signedInUser(db, orgA, 'admin');
      await db.prisma.user.update({
        where: { organisationId_id: { organisationId: orgA, id: hostile.userId } },
        data: { name: '=HYPERLINK("http://evil.example","x")' },
      });
      await call(
        postApiToken,
        'POST',
        '/api/admin/api-tokens',
        { ...hostile.headers, 'x-forwarded-for': '-2+3' },
        {
          body: { name: '@SUM(1+1)' },
        },
      );

      const response = await call(
        getAuditCsv,
        'GET',
        `/api/admin/audit-events.csv?action=api_token.created&actorUserId=${hostile.userId}`,
        hostile.headers,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-/);
      const csv = (await response.text()).replace(/^\uFEFF/, '');
      const lines = csv.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(
        'id,occurred_at_london,occurred_at_utc,action,actor_type,actor_id,actor_name,actor_email,entity_type,entity_id,details,ip_address',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(
        `,api_token.created,user,${hostile.userId},"'=HYPERLINK(""http://evil.example"",""x"")",`,
      );
      expect(lines[1]).toMatch(/,'-2\+3$/);
      expect(lines[1]).toMatch(/^\d+,\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2},\d{4}-/);
      // Inside the details JSON the name starts no cell, so it is kept as it was.
      expect(lines[1]).toContain('"{""name"":""@SUM(1+1)""}"');

      const [exported] = await auditOf(orgA, 'audit.exported');
      expect(exported).toMatchObject({
        actorUserId: hostile.userId,
        entityType: 'audit_log',
        details: { filters: { action: 'api_token.created', actorUserId: hostile.userId }, rowCount: 1 },
      });
      // The export is recorded, but is not in its own file.
      expect(csv).not.toContain('audit.exported');
    });

    it('exports every matching event, in batches, newest first', async () => {
      await db.prisma.auditEvent.createMany({
        data: Array.from({ length: 2500 }, (_, i) => ({
          organisationId: orgA,
          action: 'test.bulk',
          entityId: String(i),
          occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
        })),
      });
      const response = await call(
        getAuditCsv,
        'GET',
        '/api/admin/audit-events.csv?action=test.bulk',
        admin.headers,
      );
      const lines = (await response.text()).split('\r\n').filter(Boolean);
      expect(lines).toHaveLength(2501);
      const entityIds = lines.slice(1).map((line) => Number(line.split(',')[9]));
      expect(entityIds[0]).toBe(2499);
      expect(entityIds.at(-1)).toBe(0);
      expect(new Set(entityIds).size).toBe(2500);
    });
  });
});
