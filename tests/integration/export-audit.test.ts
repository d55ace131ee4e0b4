/**
 * Table downloads in the audit log (POST /api/exports): the tables' CSV and XLSX files are made in the browser, so
 * the browser reports each one, and the server records it against the signed-in user. Called through the route
 * handler as the browser calls it (same-origin, with a session cookie).
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as postExport } from '@/app/api/exports/route';
import { AUDIT_ACTIONS } from '@/lib/server/audit/audit-log';
import { useDatabase } from '@/lib/server/db';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { createOrganisation } from '../helpers/ledger-scenario';
import { signedInUser, type TestUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

const URL_OF_ROUTE = 'http://localhost/api/exports';

const record = {
  fileName: 'fulfil-consultants-ophthalmology.csv',
  format: 'csv',
  rows: 14,
  pagePath: '/specialties/4?from=2026-03-01&to=2026-03-31',
};

function post(headers: Record<string, string>, body: unknown): Promise<Response> {
  return postExport(
    new NextRequest(URL_OF_ROUTE, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe(`recording table downloads (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let org: number;
  let lead: TestUser;
  let specialtyId: number;

  /** The log is append-only: each case reads only the events written since it started. */
  let since = 0n;
  const newEvents = () =>
    db.prisma.auditEvent.findMany({ where: { id: { gt: since } }, orderBy: { id: 'asc' } });
  const tableExports = async () =>
    (await newEvents()).filter((event) => event.action === AUDIT_ACTIONS.tableExported);

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    org = await createOrganisation(db, 'EXA');
    const division = await db.prisma.division.create({
      data: { organisationId: org, code: 'SURG', name: 'Surgery' },
    });
    const specialty = await db.prisma.specialty.create({
      data: { organisationId: org, divisionId: division.id, code: '130', name: 'Ophthalmology' },
    });
    specialtyId = specialty.id;
    lead = await signedInUser(db, org, 'clinical_lead', { specialtyId });
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    since = (await db.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  });

  it('records one event for a signed-in lead, with who, what and where', async () => {
    const response = await post({ ...lead.headers, 'x-forwarded-for': '10.1.2.3' }, record);
    expect(response.status).toBe(204);
    const events = await newEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organisationId: org,
      actorUserId: lead.userId,
      actorTokenId: null,
      action: 'table.exported',
      entityType: null,
      entityId: null,
      ipAddress: '10.1.2.3',
      details: record,
    });
  });

  it('records an XLSX download and an empty table', async () => {
    const response = await post(lead.headers, {
      ...record,
      fileName: 'fulfil-sessions.xlsx',
      format: 'xlsx',
      rows: 0,
    });
    expect(response.status).toBe(204);
    expect((await tableExports()).map((event) => event.details)).toEqual([
      { ...record, fileName: 'fulfil-sessions.xlsx', format: 'xlsx', rows: 0 },
    ]);
  });

  it('lets every role that may view metrics record its own downloads', async () => {
    for (const role of ['admin', 'executive', 'consultant'] as const) {
      const user = await signedInUser(db, org, role);
      expect((await post(user.headers, record)).status, role).toBe(204);
    }
    expect(await tableExports()).toHaveLength(3);
  });

  it('refuses a signed-out caller (401) and records nothing', async () => {
    const response = await post({ 'sec-fetch-site': 'same-origin' }, record);
    expect(response.status).toBe(401);
    expect(apiErrorResponseSchema.parse(await response.json()).error.code).toBe('unauthorized');
    expect(await newEvents()).toHaveLength(0);
  });

  it('refuses a request from another site, even with the session cookie, and records nothing', async () => {
    const crossSite = await post({ ...lead.headers, 'sec-fetch-site': 'cross-site' }, record);
    expect(crossSite.status).toBe(401);
    // A browser without Fetch Metadata: its Origin must be this host.
    const { 'sec-fetch-site': _, ...cookieOnly } = lead.headers;
    const otherOrigin = await post(
      { ...cookieOnly, origin: 'https://evil.example', host: 'localhost' },
      record,
    );
    expect(otherOrigin.status).toBe(401);
    const ownOrigin = await post({ ...cookieOnly, origin: 'http://localhost', host: 'localhost' }, record);
    expect(ownOrigin.status).toBe(204);
    expect(await tableExports()).toHaveLength(1);
  });

  it.each([
    ['a negative row count', { ...record, rows: -1 }, 'rows: Give the number of rows as 0 or more'],
    ['a fractional row count', { ...record, rows: 2.5 }, 'rows: Give the number of rows as a whole number'],
    ['rows as text', { ...record, rows: '14' }, 'rows: Give the number of rows as a number'],
    ['an unknown format', { ...record, format: 'pdf' }, 'format: Give the format: csv or xlsx'],
    ['no file name', { ...record, fileName: '  ' }, 'fileName: Give the file name'],
    ['a file name too long', { ...record, fileName: `${'x'.repeat(256)}.csv` }, 'at most 255 characters'],
    ['a file name with a line break', { ...record, fileName: 'a\nb.csv' }, 'without control characters'],
    [
      'a page off the app',
      { ...record, pagePath: 'https://evil.example/' },
      'pagePath: Give the page’s path',
    ],
    ['a page path too long', { ...record, pagePath: `/${'x'.repeat(1000)}` }, 'at most 1000 characters'],
    ['an unknown field', { ...record, consultantId: 7 }, 'consultantId'],
    ['a missing field', { fileName: record.fileName, format: 'csv', rows: 1 }, 'pagePath'],
  ])('refuses %s (400) and records nothing', async (_, body, message) => {
    const response = await post(lead.headers, body);
    expect(response.status).toBe(400);
    const { error } = apiErrorResponseSchema.parse(await response.json());
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('The export record is not valid');
    expect(error.message).toContain(message);
    expect(await newEvents()).toHaveLength(0);
  });

  it('refuses a body that is not JSON (400) or too large (413), and records nothing', async () => {
    const notJson = await post(lead.headers, 'fileName=x');
    expect(notJson.status).toBe(400);
    expect(apiErrorResponseSchema.parse(await notJson.json()).error.message).toContain(
      'The body must be JSON',
    );
    const huge = await post(lead.headers, { ...record, pagePath: `/${'x'.repeat(20_000)}` });
    expect(huge.status).toBe(413);
    expect(await newEvents()).toHaveLength(0);
  });
});
