import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { AUDIT_ACTIONS, recordAuditEvent, type SignInFailureReason } from '@/lib/server/audit/audit-log';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';

/**
 * Password accounts: scrypt hashing and brute-force throttling.
 *
 * Hashes are self-describing strings, `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64url), so that the cost can be
 * raised later: old hashes still verify, and are rehashed at the next successful sign-in.
 */

export interface ScryptParameters {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/**
 * OWASP's recommended minimum for scrypt (N = 2^17, r = 8, p = 1): 128 MiB and about 0.4–1.3 s per hash on
 * this project's 2-core machines (measured). Node runs at most 4 hashes at once (libuv's thread pool).
 */
export const PASSWORD_HASH_PARAMETERS: ScryptParameters = { logN: 17, r: 8, p: 1 };

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_DURATION_MINUTES = 15;

/** Longer input is refused before hashing: no-one types it, and it only costs the server. */
export const MAX_PASSWORD_LENGTH = 1024;

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const HASH_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

/**
 * A hash of a random password nobody knows, at the current parameters: verifying against it costs what verifying
 * a real password costs, so that an unknown email takes as long to refuse as a wrong password.
 */
const DUMMY_HASH = '$scrypt$ln=17,r=8,p=1$HG4XvsZJ8m-yhc8_7o6KyQ$Sw9lwfNjd2fu4ko1SRyeuD9bf-BWB79qvKACEbANiBQ';

/** Hashes a password with a fresh random salt. */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = PASSWORD_HASH_PARAMETERS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, parameters, KEY_LENGTH);
  const { logN, r, p } = parameters;
  return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when the password matches the stored hash (compared in constant time); false for a malformed hash. */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const parsed = parseHash(storedHash);
  if (!parsed) return false;
  const key = await deriveKey(password, parsed.salt, parsed.parameters, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when a hash was made with weaker parameters than today's, and should be replaced at the next sign-in. */
export function isHashOutdated(storedHash: string): boolean {
  const parsed = parseHash(storedHash);
  if (!parsed) return true;
  const current = PASSWORD_HASH_PARAMETERS;
  return (
    parsed.parameters.logN < current.logN ||
    parsed.parameters.r < current.r ||
    parsed.parameters.p < current.p
  );
}

function parseHash(storedHash: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | null {
  const match = HASH_PATTERN.exec(storedHash);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match;
  const parameters = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (parameters.logN < 1 || parameters.logN > 22 || parameters.r < 1 || parameters.p < 1) return null;
  return { parameters, salt: Buffer.from(salt ?? '', 'base64url'), key: Buffer.from(key ?? '', 'base64url') };
}

function deriveKey(password: string, salt: Buffer, { logN, r, p }: ScryptParameters, length: number) {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; Node refuses above 32 MiB unless told.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * p + 32 * 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) => {
    // NFKC: the same password typed on another keyboard or platform gives the same bytes.
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Emails are compared trimmed and without regard to case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface PasswordSignInInput {
  organisationId: number;
  email: string;
  password: string;
  ipAddress?: string | null;
}

export interface SignedInUser {
  id: number;
  organisationId: number;
  email: string;
  name: string;
}

export type PasswordSignInResult =
  | { status: 'signed-in'; user: SignedInUser }
  | { status: 'invalid' }
  | { status: 'locked'; lockedUntil: Date };

/**
 * Checks an email and password, with brute-force throttling: after MAX_FAILED_SIGN_INS consecutive failures the
 * account is locked for LOCK_DURATION_MINUTES (a success resets the count). Inactive users and users without a
 * password (single sign-on only) are refused. An unknown email costs a hash too, and is throttled the same way
 * (from the audit log), so that neither timing nor the lockout message tells whether an account exists.
 * Every attempt is recorded in the audit log.
 */
export async function signInWithPassword(
  prisma: PrismaClient,
  input: PasswordSignInInput,
  now: Date = new Date(),
): Promise<PasswordSignInResult> {
  const { organisationId, password } = input;
  const email = normaliseEmail(input.email).slice(0, 320);
  const ipAddress = input.ipAddress ?? null;
  const user = await prisma.user.findFirst({
    where: { organisationId, email: { equals: email, mode: 'insensitive' } },
    select: {
      id: true,
      email: true,
      name: true,
      passwordHash: true,
      isActive: true,
      lockedUntil: true,
    },
    orderBy: { id: 'asc' },
  });
  const fail = (reason: SignInFailureReason, extra: Record<string, string> = {}) =>
    recordAuditEvent(prisma, {
      organisationId,
      actorUserId: user?.id ?? null,
      action: AUDIT_ACTIONS.signInFailure,
      entityType: user ? 'user' : null,
      entityId: user?.id ?? null,
      details: { method: 'password', reason, email, ...extra },
      ipAddress,
    });

  if (!user) return refuseUnknownEmail(prisma, { organisationId, email, password, ipAddress }, now);

  if (user.lockedUntil && user.lockedUntil > now) {
    await fail('locked', { lockedUntil: user.lockedUntil.toISOString() });
    return { status: 'locked', lockedUntil: user.lockedUntil };
  }

  const isTooLong = password.length > MAX_PASSWORD_LENGTH;
  const isMatch =
    (await verifyPassword(isTooLong ? '' : password, user.passwordHash ?? DUMMY_HASH)) && !isTooLong;
  if (isMatch && user.passwordHash && user.isActive) {
    await prisma.user.update({
      where: { organisationId_id: { organisationId, id: user.id } },
      data: {
        failedSignInCount: 0,
        lockedUntil: null,
        lastSignInAt: now,
        ...(isHashOutdated(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
      },
    });
    await recordAuditEvent(prisma, {
      organisationId,
      actorUserId: user.id,
      action: AUDIT_ACTIONS.signInSuccess,
      entityType: 'user',
      entityId: user.id,
      details: { method: 'password' },
      ipAddress,
    });
    return { status: 'signed-in', user: { id: user.id, organisationId, email: user.email, name: user.name } };
  }

  await fail(!user.isActive ? 'inactive_user' : !user.passwordHash ? 'no_password' : 'bad_password');
  const { failedSignInCount } = await prisma.user.update({
    where: { organisationId_id: { organisationId, id: user.id } },
    data: { failedSignInCount: { increment: 1 } },
    select: { failedSignInCount: true },
  });
  if (failedSignInCount < MAX_FAILED_SIGN_INS) return { status: 'invalid' };

  const lockedUntil = addMinutes(now, LOCK_DURATION_MINUTES);
  // Only the request that takes the count past the limit locks (and records it), even if several race.
  const { count } = await prisma.user.updateMany({
    where: { organisationId, id: user.id, failedSignInCount: { gte: MAX_FAILED_SIGN_INS } },
    data: { failedSignInCount: 0, lockedUntil },
  });
  if (count > 0) {
    await recordAuditEvent(prisma, {
      organisationId,
      actorUserId: user.id,
      action: AUDIT_ACTIONS.signInLocked,
      entityType: 'user',
      entityId: user.id,
      details: { lockedUntil: lockedUntil.toISOString(), failures: MAX_FAILED_SIGN_INS },
      ipAddress,
    });
  }
  return { status: 'locked', lockedUntil };
}

/** How far back the failures of an unknown email are replayed to decide whether it reads as locked. */
const UNKNOWN_EMAIL_WINDOW_HOURS = 24;

/**
 * Refuses an email that has no account, as an account would be refused: a hash's worth of time, and "locked"
 * after the same number of consecutive failures, replayed from the audit log's failures for that email.
 */
async function refuseUnknownEmail(
  prisma: PrismaClient,
  input: { organisationId: number; email: string; password: string; ipAddress: string | null },
  now: Date,
): Promise<PasswordSignInResult> {
  const { organisationId, email, ipAddress } = input;
  const failures = await prisma.auditEvent.findMany({
    where: {
      organisationId,
      action: AUDIT_ACTIONS.signInFailure,
      occurredAt: { gte: addMinutes(now, -UNKNOWN_EMAIL_WINDOW_HOURS * 60) },
      actorUserId: null,
      details: { path: ['email'], equals: email },
    },
    select: { occurredAt: true, details: true },
    orderBy: { occurredAt: 'asc' },
    take: 500,
  });
  let count = 0;
  let lockedUntil: Date | null = null;
  for (const failure of failures) {
    // Attempts refused while "locked" do not count, as for a real account.
    const details = failure.details as { lockedUntil?: string } | null;
    if (details?.lockedUntil) continue;
    count += 1;
    if (count >= MAX_FAILED_SIGN_INS) {
      lockedUntil = addMinutes(failure.occurredAt, LOCK_DURATION_MINUTES);
      count = 0;
    }
  }
  const record = (extra: Record<string, string> = {}) =>
    recordAuditEvent(prisma, {
      organisationId,
      action: AUDIT_ACTIONS.signInFailure,
      details: { method: 'password', reason: 'unknown_email', email, ...extra },
      ipAddress,
    });
  if (lockedUntil && lockedUntil > now) {
    await record({ lockedUntil: lockedUntil.toISOString() });
    return { status: 'locked', lockedUntil };
  }
  await verifyPassword(input.password.slice(0, MAX_PASSWORD_LENGTH), DUMMY_HASH);
  await record();
  if (count + 1 >= MAX_FAILED_SIGN_INS) {
    return { status: 'locked', lockedUntil: addMinutes(now, LOCK_DURATION_MINUTES) };
  }
  return { status: 'invalid' };
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}
