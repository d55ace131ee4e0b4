import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashPassword,
  isHashOutdated,
  LOCK_DURATION_MINUTES,
  MAX_FAILED_SIGN_INS,
  PASSWORD_HASH_PARAMETERS,
  signInWithPassword,
  verifyPassword,
} from '@/lib/server/auth/password';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

/** Cheaper hashes for the accounts these tests sign in to (verification reads the cost from the hash). */
const FAST = { logN: 12, r: 8, p: 1 };
const PASSWORD = 'correct horse battery staple';
const IP = '203.0.113.7';

let db: TestDatabase;
let organisationId: number;
let otherOrganisationId: number;

async function createUser(
  email: string,
  options: { password?: string | null; isActive?: boolean; organisation?: number } = {},
) {
  const password = options.password === undefined ? PASSWORD : options.password;
  return db.prisma.user.create({
    data: {
      organisationId: options.organisation ?? organisationId,
      email,
      name: `User ${email}`,
      passwordHash: password === null ? null : await hashPassword(password, FAST),
      isActive: options.isActive ?? true,
    },
  });
}

function signIn(email: string, password = PASSWORD, now?: Date) {
  return signInWithPassword(db.prisma, { organisationId, email, password, ipAddress: IP }, now);
}

async function getUser(id: number) {
  return db.prisma.user.findUniqueOrThrow({ where: { organisationId_id: { organisationId, id } } });
}

async function getEvents(where: { actorUserId?: number | null; action?: string } = {}) {
  const events = await db.prisma.auditEvent.findMany({
    where: { organisationId, ...where },
    orderBy: { id: 'asc' },
  });
  return events.map((event) => ({
    action: event.action,
    actorUserId: event.actorUserId,
    details: event.details,
    ipAddress: event.ipAddress,
  }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  const create = async (code: string, name: string) =>
    (await db.prisma.organisation.create({ data: { code, name } })).id;
  organisationId = await create('RAU', 'Auth Test Trust');
  otherOrganisationId = await create('ROT', 'Other Trust');
});
afterAll(async () => {
  await db?.drop();
});

describe('password hashing', () => {
  it('hashes with scrypt at the OWASP parameters, naming them and the salt in the hash', async () => {
    expect(PASSWORD_HASH_PARAMETERS).toEqual({ logN: 17, r: 8, p: 1 });
    const started = performance.now();
    const hash = await hashPassword(PASSWORD);
    const elapsed = performance.now() - started;
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // Slow on purpose, but not unusable.
    expect(elapsed).toBeGreaterThan(50);
    expect(elapsed).toBeLessThan(10_000);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(isHashOutdated(hash)).toBe(false);
  });

  it('refuses a wrong password, a different salt gives a different hash, and a malformed hash never matches', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD, FAST), hashPassword(PASSWORD, FAST)]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, second!)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', first!)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, first!)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'not a hash')).toBe(false);
    expect(await verifyPassword(PASSWORD, first!.replace('ln=12', 'ln=40'))).toBe(false);
    expect(isHashOutdated(first!)).toBe(true);
  });

  it('compares Unicode passwords in NFKC form', async () => {
    const hash = await hashPassword('café', FAST);
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });
});

describe('signing in with a password', () => {
  it('signs in with the right password (email in any case), resets the failures and records it', async () => {
    const user = await createUser('ana.jones@example.nhs.uk');
    await db.prisma.user.update({
      where: { organisationId_id: { organisationId, id: user.id } },
      data: { failedSignInCount: 3 },
    });
    const result = await signIn('  Ana.Jones@Example.NHS.uk ');
    expect(result).toEqual({
      status: 'signed-in',
      user: { id: user.id, organisationId, email: 'ana.jones@example.nhs.uk', name: user.name },
    });
    const after = await getUser(user.id);
    expect(after.failedSignInCount).toBe(0);
    expect(after.lastSignInAt).toBeInstanceOf(Date);
    // The fast test hash was below today's parameters: replaced at sign-in.
    expect(after.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword(PASSWORD, after.passwordHash!)).toBe(true);
    expect(await getEvents({ actorUserId: user.id })).toEqual([
      { action: 'sign_in.success', actorUserId: user.id, details: { method: 'password' }, ipAddress: IP },
    ]);
  });

  it('refuses a wrong password and counts it', async () => {
    const user = await createUser('wrong.password@example.nhs.uk');
    expect(await signIn(user.email, 'guess')).toEqual({ status: 'invalid' });
    expect((await getUser(user.id)).failedSignInCount).toBe(1);
    expect(await getEvents({ actorUserId: user.id })).toEqual([
      {
        action: 'sign_in.failure',
        actorUserId: user.id,
        details: { method: 'password', reason: 'bad_password', email: user.email },
        ipAddress: IP,
      },
    ]);
  });

  it(`locks the account for ${LOCK_DURATION_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} failures in a row, and unlocks it when the lock expires`, async () => {
    const user = await createUser('locked.out@example.nhs.uk');
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      expect(await signIn(user.email, `guess ${attempt}`)).toEqual({ status: 'invalid' });
    }
    const before = Date.now();
    const locked = await signIn(user.email, 'guess 5');
    expect(locked.status).toBe('locked');
    if (locked.status !== 'locked') return;
    const lockMs = locked.lockedUntil.getTime() - before;
    expect(lockMs).toBeGreaterThan((LOCK_DURATION_MINUTES - 1) * 60_000);
    expect(lockMs).toBeLessThanOrEqual(LOCK_DURATION_MINUTES * 60_000 + 60_000);
    const stored = await getUser(user.id);
    expect(stored.lockedUntil?.toISOString()).toBe(locked.lockedUntil.toISOString());

    // Locked: even the right password is refused, and the refusal says until when.
    expect(await signIn(user.email, PASSWORD)).toEqual({ status: 'locked', lockedUntil: locked.lockedUntil });

    const events = await getEvents({ actorUserId: user.id });
    expect(events.map((event) => [event.action, (event.details as { reason?: string }).reason])).toEqual([
      ['sign_in.failure', 'bad_password'],
      ['sign_in.failure', 'bad_password'],
      ['sign_in.failure', 'bad_password'],
      ['sign_in.failure', 'bad_password'],
      ['sign_in.failure', 'bad_password'],
      ['sign_in.locked', undefined],
      ['sign_in.failure', 'locked'],
    ]);
    expect(events[5]?.details).toEqual({
      lockedUntil: locked.lockedUntil.toISOString(),
      failures: MAX_FAILED_SIGN_INS,
    });

    // The lock runs out (moved into the past rather than waited for): the right password works again.
    await db.prisma.user.update({
      where: { organisationId_id: { organisationId, id: user.id } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    const result = await signIn(user.email, PASSWORD);
    expect(result.status).toBe('signed-in');
    const unlocked = await getUser(user.id);
    expect(unlocked.lockedUntil).toBeNull();
    expect(unlocked.failedSignInCount).toBe(0);
  });

  it('counts only consecutive failures: a success starts the count again', async () => {
    const user = await createUser('forgetful@example.nhs.uk');
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt += 1) await signIn(user.email, 'nope');
    expect((await signIn(user.email)).status).toBe('signed-in');
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS - 1; attempt += 1) {
      expect(await signIn(user.email, 'nope')).toEqual({ status: 'invalid' });
    }
    expect((await getUser(user.id)).lockedUntil).toBeNull();
  });

  it('refuses an inactive user even with the right password', async () => {
    const user = await createUser('left.the.trust@example.nhs.uk', { isActive: false });
    expect(await signIn(user.email, PASSWORD)).toEqual({ status: 'invalid' });
    expect((await getUser(user.id)).lastSignInAt).toBeNull();
    expect(await getEvents({ actorUserId: user.id })).toEqual([
      expect.objectContaining({
        action: 'sign_in.failure',
        details: { method: 'password', reason: 'inactive_user', email: user.email },
      }),
    ]);
  });

  it('refuses a single sign-on user, who has no password', async () => {
    const user = await createUser('sso.only@example.nhs.uk', { password: null });
    expect(await signIn(user.email, '')).toEqual({ status: 'invalid' });
    expect(await signIn(user.email, 'anything')).toEqual({ status: 'invalid' });
    const reasons = (await getEvents({ actorUserId: user.id })).map(
      (event) => (event.details as { reason: string }).reason,
    );
    expect(reasons).toEqual(['no_password', 'no_password']);
  });

  it("does not sign in to another organisation's account", async () => {
    await createUser('elsewhere@example.nhs.uk', { organisation: otherOrganisationId });
    expect(await signIn('elsewhere@example.nhs.uk')).toEqual({ status: 'invalid' });
  });

  it('refuses an unknown email after as long as a wrong password takes, and records it', async () => {
    const known = await createUser('timing@example.nhs.uk');
    // The known account's hash at today's cost, as a real account's would be.
    await db.prisma.user.update({
      where: { organisationId_id: { organisationId, id: known.id } },
      data: { passwordHash: await hashPassword(PASSWORD) },
    });
    const time = async (email: string) => {
      const started = performance.now();
      expect(await signIn(email, 'wrong')).toEqual({ status: 'invalid' });
      return performance.now() - started;
    };
    const wrongPassword = await time(known.email);
    const unknownEmail = await time('nobody@example.nhs.uk');
    expect(unknownEmail).toBeGreaterThan(wrongPassword * 0.5);
    expect(unknownEmail).toBeLessThan(wrongPassword * 2);
    expect(await getEvents({ actorUserId: null, action: 'sign_in.failure' })).toContainEqual({
      action: 'sign_in.failure',
      actorUserId: null,
      details: { method: 'password', reason: 'unknown_email', email: 'nobody@example.nhs.uk' },
      ipAddress: IP,
    });
  });

  it('says an unknown email is locked after as many failures as a real account, so the lock reveals nothing', async () => {
    const email = 'ghost@example.nhs.uk';
    for (let attempt = 1; attempt < MAX_FAILED_SIGN_INS; attempt += 1) {
      expect(await signIn(email, 'guess')).toEqual({ status: 'invalid' });
    }
    const fifth = await signIn(email, 'guess');
    expect(fifth.status).toBe('locked');
    const sixth = await signIn(email, 'guess');
    expect(sixth.status).toBe('locked');
    // As with an account, the refusals while locked do not count; after the lock, the count starts again.
    const later = new Date(Date.now() + (LOCK_DURATION_MINUTES + 1) * 60_000);
    expect(await signIn(email, 'guess', later)).toEqual({ status: 'invalid' });
    const reasons = (await getEvents({ actorUserId: null }))
      .filter((event) => (event.details as { email: string }).email === email)
      .map((event) => event.details);
    expect(reasons).toHaveLength(MAX_FAILED_SIGN_INS + 2);
    expect(reasons[MAX_FAILED_SIGN_INS]).toEqual({
      method: 'password',
      reason: 'unknown_email',
      email,
      lockedUntil: expect.any(String),
    });
  });
});
