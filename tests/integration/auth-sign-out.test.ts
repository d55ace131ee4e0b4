import { NextRequest } from 'next/server';
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateRequest } from '@/lib/server/api/caller';
import { getAuthConfig, getAuthOptions } from '@/lib/server/auth/auth-options';
import { useDatabase } from '@/lib/server/db';
import { createOrganisation } from '../helpers/ledger-scenario';
import { sessionHeaders, signedInUser } from '../helpers/session';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

/**
 * Revoking sessions on the server: a session cookie is an encrypted JWT that stays decodable until it expires, so
 * signing out (which only clears the browser's cookie) must also make the server refuse a copy of it. The same
 * for an administrator's password reset and deactivation. Requests go through authenticateRequest, as every API
 * route's do, with cookies next-auth would issue (tests/helpers/session.ts).
 */
describe(`revoked sessions (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let organisationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    organisationId = await createOrganisation(db, 'RSO');
  });
  afterAll(() => db?.drop());

  const request = (headers: Record<string, string>, method = 'GET', body?: unknown) =>
    new NextRequest('http://localhost/api/definitions', {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** The status authenticateRequest answers for a request with these headers: 200 when it lets it through. */
  const statusOf = async (headers: Record<string, string>) => {
    try {
      await authenticateRequest(request(headers), 'metrics:view');
      return 200;
    } catch (error) {
      return (error as { status?: number }).status ?? 500;
    }
  };
  /** What next-auth does on POST /api/auth/signout: decode the cookie, then call the signOut event with it. */
  const signOut = async (headers: Record<string, string>) => {
    const token = headers.cookie?.split('=')[1] ?? '';
    const decoded = await decode({ token, secret: getAuthConfig().secret });
    await getAuthOptions().events?.signOut?.({ token: decoded as never, session: null as never });
  };

  it('a copied session cookie stops working once its user signs out, and a new sign-in works', async () => {
    const user = await signedInUser(db, organisationId, 'executive');
    const copy = { ...user.headers };
    expect(await statusOf(copy)).toBe(200);
    await signOut(user.headers);
    expect(await statusOf(copy)).toBe(401);
    // Signing in again afterwards gives a session that works.
    expect(await statusOf(await sessionHeaders(organisationId, user.userId))).toBe(200);
    // The sign-out is recorded.
    const events = await db.prisma.auditEvent.findMany({
      where: { organisationId, action: 'sign_out', actorUserId: user.userId },
    });
    expect(events).toHaveLength(1);
  });

  it('signing out ends only that user’s sessions', async () => {
    const leaving = await signedInUser(db, organisationId, 'executive');
    const staying = await signedInUser(db, organisationId, 'executive');
    await signOut(leaving.headers);
    expect(await statusOf(leaving.headers)).toBe(401);
    expect(await statusOf(staying.headers)).toBe(200);
  });

  it('an administrator’s password reset signs the user out everywhere', async () => {
    const admin = await signedInUser(db, organisationId, 'admin');
    const user = await signedInUser(db, organisationId, 'executive');
    expect(await statusOf(user.headers)).toBe(200);
    const { POST } = await import('@/app/api/admin/users/[userId]/password/route');
    const response = await POST(request(admin.headers, 'POST', { mode: 'generate' }), {
      params: Promise.resolve({ userId: String(user.userId) }),
    });
    expect(response.status).toBe(200);
    expect(await statusOf(user.headers)).toBe(401);
    // The administrator's own session is untouched.
    expect(await statusOf(admin.headers)).toBe(200);
  });

  it('a deactivated user’s sessions do not come back when the user is reactivated', async () => {
    const admin = await signedInUser(db, organisationId, 'admin');
    const user = await signedInUser(db, organisationId, 'executive');
    const { PATCH } = await import('@/app/api/admin/users/[userId]/route');
    const setActive = async (isActive: boolean) => {
      const response = await PATCH(request(admin.headers, 'PATCH', { isActive }), {
        params: Promise.resolve({ userId: String(user.userId) }),
      });
      expect(response.status).toBe(200);
    };
    await setActive(false);
    expect(await statusOf(user.headers)).toBe(401);
    await setActive(true);
    expect(await statusOf(user.headers)).toBe(401);
    expect(await statusOf(await sessionHeaders(organisationId, user.userId))).toBe(200);
  });
});
