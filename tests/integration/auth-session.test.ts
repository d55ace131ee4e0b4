import type { AuthOptions, Session } from 'next-auth';
import { getServerSession } from 'next-auth';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AuthConfig, buildAuthOptions } from '@/lib/server/auth/auth-options';
import { revokeSessions } from '@/lib/server/auth/revoke-sessions';
import { resolveSessionUser } from '@/lib/server/auth/session';
import { useDatabase } from '@/lib/server/db';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const MAX_AGE_SECONDS = 8 * 60 * 60;
const CONFIG: AuthConfig = {
  secret: 'a-test-secret-that-is-long-enough-for-next-auth',
  maxAgeSeconds: MAX_AGE_SECONDS,
  useSecureCookies: false,
  sso: null,
};
const COOKIE = 'next-auth.session-token';

let db: TestDatabase;
let options: AuthOptions;
let organisationId: number;
let userId: number;

/**
 * The session next-auth reads from a request carrying `token` as its session cookie, as `GET /api/auth/session`
 * answers it (getServerSession runs the same code), and the Set-Cookie headers of its answer.
 */
async function readSessionResponse(
  token: string,
): Promise<{ session: Session | null; setCookies: string[] }> {
  const request = { headers: { cookie: `${COOKIE}=${token}` }, cookies: { [COOKIE]: token } };
  const headers = new Map<string, unknown>();
  const response = {
    getHeader: (key: string) => headers.get(key),
    setHeader: (key: string, value: unknown) => headers.set(key, value),
  };
  const session = await getServerSession(request as never, response as never, options);
  return { session, setCookies: [headers.get('Set-Cookie') ?? []].flat() as string[] };
}

async function readSession(token: string): Promise<Session | null> {
  return (await readSessionResponse(token)).session;
}

/** Whether next-auth's answer clears the session cookie (an empty value that expires at once). */
function clearsSessionCookie(setCookies: string[]): boolean {
  return setCookies.some((cookie) => cookie.startsWith(`${COOKIE}=;`) && /Max-Age=0/i.test(cookie));
}

/** The token next-auth issues at sign-in: our jwt callback's claims, sealed with the options' JWT settings. */
async function issueToken(
  user: { id: string; organisationId: number },
  secret = CONFIG.secret,
): Promise<string> {
  const token = (await options.callbacks!.jwt!({
    token: {},
    user: { ...user, email: null, name: null, authMethod: 'password' } as never,
    account: null,
    trigger: 'signIn',
  })) as JWT;
  return encode({ ...options.jwt, secret, token });
}

beforeAll(async () => {
  db = await createTestDatabase();
  useDatabase(db);
  options = buildAuthOptions(CONFIG);
  organisationId = (await db.prisma.organisation.create({ data: { code: 'RSE', name: 'Session Trust' } })).id;
  userId = (
    await db.prisma.user.create({
      data: { organisationId, email: 'clinician@example.nhs.uk', name: 'Dr Session' },
    })
  ).id;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await db?.drop();
});

describe('sessions', () => {
  it('a fresh sign-in is a session of its user, read back from the database', async () => {
    const session = await readSession(await issueToken({ id: String(userId), organisationId }));
    expect(session).toMatchObject({ userId, organisationId, signedInAt: expect.any(Number) });
    // The cookie carries ids only: no name, email or roles.
    expect(Object.keys(session!).sort()).toEqual(['expires', 'organisationId', 'signedInAt', 'userId']);
    expect(await resolveSessionUser(db.prisma, session, { maxAgeSeconds: MAX_AGE_SECONDS })).toEqual({
      userId,
      organisationId,
      email: 'clinician@example.nhs.uk',
      name: 'Dr Session',
    });
  });

  it('the token issued at sign-in expires after the configured maximum age, not next-auth’s 30 days', async () => {
    const claims = await decode({
      token: await issueToken({ id: String(userId), organisationId }),
      ...CONFIG,
    });
    expect(claims).toMatchObject({ sub: String(userId), organisationId, authMethod: 'password' });
    expect((claims!.exp as number) - (claims!.iat as number)).toBe(MAX_AGE_SECONDS);
    expect(options.session).toMatchObject({ strategy: 'jwt', maxAge: MAX_AGE_SECONDS });
    expect(options.session!.updateAge).toBeLessThanOrEqual(15 * 60);
  });

  it('a token past its maximum age is not a session', async () => {
    const token = await issueToken({ id: String(userId), organisationId });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (MAX_AGE_SECONDS + 60) * 1000);
    await expect(decode({ token, secret: CONFIG.secret })).rejects.toThrow(/exp/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await readSession(token)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('session cookie was refused'));
    warn.mockRestore();
  });

  it('a sign-in older than the maximum age ends, however recently its cookie was refreshed', async () => {
    const signedInAt = Math.floor(Date.now() / 1000) - MAX_AGE_SECONDS - 60;
    const token = await encode({
      secret: CONFIG.secret,
      maxAge: MAX_AGE_SECONDS,
      token: { sub: String(userId), organisationId, signedInAt, authMethod: 'password' },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await readSession(token)).toBeNull();
    warn.mockRestore();
    const claims = { userId, organisationId, signedInAt };
    expect(await resolveSessionUser(db.prisma, claims, { maxAgeSeconds: MAX_AGE_SECONDS })).toBeNull();
  });

  it('a token sealed with another secret is not a session', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const forged = await issueToken(
      { id: String(userId), organisationId },
      'another-secret-of-sufficient-length!!',
    );
    expect(await readSession(forged)).toBeNull();
    warn.mockRestore();
  });

  it('a deactivated or deleted user loses their session at once', async () => {
    const user = await db.prisma.user.create({
      data: { organisationId, email: 'leaving@example.nhs.uk', name: 'Dr Leaving' },
    });
    const session = await readSession(await issueToken({ id: String(user.id), organisationId }));
    const resolve = () => resolveSessionUser(db.prisma, session, { maxAgeSeconds: MAX_AGE_SECONDS });
    expect(await resolve()).toMatchObject({ userId: user.id });
    const where = { organisationId_id: { organisationId, id: user.id } };
    await db.prisma.user.update({ where, data: { isActive: false } });
    expect(await resolve()).toBeNull();
    await db.prisma.user.update({ where, data: { isActive: true } });
    expect(await resolve()).toMatchObject({ userId: user.id });
    await db.prisma.user.delete({ where });
    expect(await resolve()).toBeNull();
  });

  it('a session names a user only within its own organisation', async () => {
    const other = (await db.prisma.organisation.create({ data: { code: 'ROX', name: 'Other Trust' } })).id;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await readSession(await issueToken({ id: String(userId), organisationId: other }))).toBeNull();
    warn.mockRestore();
    const claims = { userId, organisationId: other, signedInAt: Date.now() / 1000 };
    expect(await resolveSessionUser(db.prisma, claims, { maxAgeSeconds: MAX_AGE_SECONDS })).toBeNull();
    expect(await resolveSessionUser(db.prisma, null, { maxAgeSeconds: MAX_AGE_SECONDS })).toBeNull();
  });

  it('signing out is recorded in the audit log', async () => {
    await options.events!.signOut!({
      token: { sub: String(userId), organisationId, signedInAt: Date.now() / 1000, authMethod: 'password' },
      session: null as never,
    });
    const events = await db.prisma.auditEvent.findMany({ where: { organisationId, action: 'sign_out' } });
    expect(events).toEqual([
      expect.objectContaining({ actorUserId: userId, entityType: 'user', entityId: String(userId) }),
    ]);
  });

  it('next-auth’s own session endpoint gives no session for a revoked sign-in, and clears the cookie', async () => {
    const user = await db.prisma.user.create({
      data: { organisationId, email: 'revoked@example.nhs.uk', name: 'Dr Revoked' },
    });
    const token = await issueToken({ id: String(user.id), organisationId });
    const live = await readSessionResponse(token);
    expect(live.session).toMatchObject({ userId: user.id, organisationId });
    expect(clearsSessionCookie(live.setCookies)).toBe(false);

    // Signed out elsewhere (or a password reset): sessions_valid_after is after this sign-in.
    await revokeSessions(db.prisma, organisationId, user.id);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const revoked = await readSessionResponse(token);
    expect(revoked.session).toBeNull();
    expect(clearsSessionCookie(revoked.setCookies)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('session cookie was refused'));
    warn.mockRestore();
    // A sign-in after the revocation is a session again.
    expect(await readSession(await issueToken({ id: String(user.id), organisationId }))).toMatchObject({
      userId: user.id,
    });
  });

  it('next-auth’s own session endpoint gives no session for a deactivated or removed user', async () => {
    const user = await db.prisma.user.create({
      data: { organisationId, email: 'deactivated@example.nhs.uk', name: 'Dr Deactivated' },
    });
    const token = await issueToken({ id: String(user.id), organisationId });
    const where = { organisationId_id: { organisationId, id: user.id } };
    // Only the flag, without the revocation an administrator's deactivation also makes: the flag alone is enough.
    await db.prisma.user.update({ where, data: { isActive: false } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const inactive = await readSessionResponse(token);
    expect(inactive.session).toBeNull();
    expect(clearsSessionCookie(inactive.setCookies)).toBe(true);
    await db.prisma.user.update({ where, data: { isActive: true } });
    expect(await readSession(token)).toMatchObject({ userId: user.id });
    await db.prisma.user.delete({ where });
    expect(await readSession(token)).toBeNull();
    warn.mockRestore();
  });

  it('replaying a revoked cookie to sign out neither ends the user’s newer sessions nor is recorded', async () => {
    const user = await db.prisma.user.create({
      data: { organisationId, email: 'replayed@example.nhs.uk', name: 'Dr Replayed' },
    });
    const signOut = async (token: string) =>
      options.events!.signOut!({
        token: (await decode({ token, secret: CONFIG.secret }))!,
        session: null as never,
      });
    const old = await issueToken({ id: String(user.id), organisationId });
    await signOut(old);
    // The user signs in again, as a person would, a moment later (a sign-in in the sign-out's own millisecond is
    // refused: see the next test); someone then replays the old, revoked cookie to the sign-out endpoint.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const current = await issueToken({ id: String(user.id), organisationId });
    await signOut(old);
    expect(await readSession(current)).toMatchObject({ userId: user.id });
    const events = await db.prisma.auditEvent.findMany({
      where: { organisationId, action: 'sign_out', actorUserId: user.id },
    });
    expect(events).toHaveLength(1);
  });

  it('a revocation in the very millisecond of a sign-in still ends that session', async () => {
    const user = await db.prisma.user.create({
      data: { organisationId, email: 'same-instant@example.nhs.uk', name: 'Dr Same Instant' },
    });
    const signedInAt = new Date('2026-11-26T10:15:30.123Z');
    const claims = { userId: user.id, organisationId, signedInAt: signedInAt.getTime() / 1000 };
    const resolve = () =>
      resolveSessionUser(db.prisma, claims, {
        maxAgeSeconds: MAX_AGE_SECONDS,
        now: new Date(signedInAt.getTime() + 1000),
      });
    expect(await resolve()).toMatchObject({ userId: user.id });
    await revokeSessions(db.prisma, organisationId, user.id, new Date(signedInAt.getTime() - 1));
    expect(await resolve()).toMatchObject({ userId: user.id });
    await revokeSessions(db.prisma, organisationId, user.id, signedInAt);
    expect(await resolve()).toBeNull();
  });
});
