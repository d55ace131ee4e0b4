import { randomInt } from 'node:crypto';
import type { Caller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { hashPassword, normaliseEmail } from '@/lib/server/auth/password';
import { getPrisma } from '@/lib/server/db';
import { Prisma } from '@/lib/server/generated/prisma/client';
import {
  ADMIN_AUDIT_ACTIONS,
  type AdminUser,
  type CreateUserRequest,
  type ResetPasswordRequest,
  type UpdateUserRequest,
  type UserWithPasswordResponse,
} from '@/lib/shared/schemas/admin';
import { auditEntryFor } from './audit-events';
import { assignmentSelect, describeAssignments } from './role-assignments';

/**
 * Users of the caller's organisation, as the admin pages manage them: create, rename, deactivate and reactivate,
 * set or generate a password. Every change is recorded in the audit log in its own transaction; passwords and
 * their hashes never leave this file and are never logged.
 */

const userSelect = {
  id: true,
  email: true,
  name: true,
  passwordHash: true,
  isActive: true,
  lockedUntil: true,
  lastSignInAt: true,
  createdAt: true,
  roleAssignments: {
    where: { revokedAt: null },
    select: assignmentSelect,
    orderBy: { id: 'asc' },
  },
} as const satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

async function toAdminUsers(organisationId: number, rows: readonly UserRow[]): Promise<AdminUser[]> {
  const prisma = await getPrisma();
  const roles = await describeAssignments(
    prisma,
    organisationId,
    rows.flatMap((row) => row.roleAssignments),
  );
  const roleById = new Map(roles.map((role) => [role.id, role]));
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    isActive: row.isActive,
    hasPassword: row.passwordHash !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > now ? row.lockedUntil.toISOString() : null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    roles: row.roleAssignments.flatMap((assignment) => {
      const role = roleById.get(assignment.id);
      return role ? [role] : [];
    }),
  }));
}

/** The organisation's users with their live role assignments, by name. */
export async function listAdminUsers(caller: Caller): Promise<AdminUser[]> {
  const prisma = await getPrisma();
  const rows = await prisma.user.findMany({
    where: { organisationId: caller.organisationId },
    select: userSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return toAdminUsers(caller.organisationId, rows);
}

/** One user of the organisation; 404 for an id that is not one of them. */
export async function getAdminUser(caller: Caller, userId: number): Promise<AdminUser> {
  const prisma = await getPrisma();
  const row = await prisma.user.findUnique({
    where: { organisationId_id: { organisationId: caller.organisationId, id: userId } },
    select: userSelect,
  });
  if (!row) throw AppError.notFound(`No user ${userId}.`);
  const [user] = await toAdminUsers(caller.organisationId, [row]);
  if (!user) throw AppError.notFound(`No user ${userId}.`);
  return user;
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789';
const PASSWORD_GROUPS = 4;
const PASSWORD_GROUP_LENGTH = 5;

/** A random password of four groups of five (about 112 bits), e.g. `k7Tqe-Mw4rn-…`, to be passed on securely. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let group = 0; group < PASSWORD_GROUPS; group++) {
    let text = '';
    for (let i = 0; i < PASSWORD_GROUP_LENGTH; i++)
      text += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(text);
  }
  return groups.join('-');
}

function emailTaken(email: string): AppError {
  return AppError.conflict(`There is already a user with the email address ${email}.`);
}

/**
 * Creates a user of the caller's organisation: with the initial password given, a generated one (returned once),
 * or none (single sign-on only). 409 when the email address is taken (compared without regard to case).
 */
export async function createUser(
  caller: Caller,
  input: CreateUserRequest,
): Promise<UserWithPasswordResponse> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const email = normaliseEmail(input.email);
  const generatedPassword = input.generatePassword ? generatePassword() : null;
  const password = input.password ?? generatedPassword;
  // Hashing takes about a second: before the transaction, not inside it.
  const passwordHash = password === null ? null : await hashPassword(password);
  const passwordSet = input.password !== undefined ? 'set' : generatedPassword ? 'generated' : 'none';
  try {
    const created = await prisma.$transaction(async (tx) => {
      const existing = await tx.user.findFirst({
        where: { organisationId, email: { equals: email, mode: 'insensitive' } },
        select: { id: true },
      });
      if (existing) throw emailTaken(email);
      const user = await tx.user.create({
        data: { organisationId, email, name: input.name, passwordHash },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        ...auditEntryFor(caller),
        action: ADMIN_AUDIT_ACTIONS.userCreated,
        entityType: 'user',
        entityId: user.id,
        details: { email, name: input.name, password: passwordSet },
      });
      return user;
    });
    return { user: await getAdminUser(caller, created.id), generatedPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw emailTaken(email);
    throw error;
  }
}

/**
 * Renames, deactivates or reactivates a user of the caller's organisation. A deactivated user is signed out at
 * their next request and cannot sign in; an administrator cannot deactivate themselves (409). Each change is
 * recorded ('user.updated' with the name before and after, 'user.deactivated', 'user.reactivated').
 */
export async function updateUser(
  caller: Caller,
  userId: number,
  input: UpdateUserRequest,
): Promise<AdminUser> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { organisationId_id: { organisationId, id: userId } },
      select: { name: true, isActive: true },
    });
    if (!before) throw AppError.notFound(`No user ${userId}.`);
    if (input.isActive === false && caller.userId === userId) {
      throw AppError.conflict('You cannot deactivate your own account: ask another administrator to do it.');
    }
    const isRenamed = input.name !== undefined && input.name !== before.name;
    const isActiveChanged = input.isActive !== undefined && input.isActive !== before.isActive;
    if (!isRenamed && !isActiveChanged) return;
    await tx.user.update({
      where: { organisationId_id: { organisationId, id: userId } },
      data: {
        ...(isRenamed ? { name: input.name } : {}),
        // Reactivating also lifts a lockout, so the user can sign in again at once.
        ...(isActiveChanged ? { isActive: input.isActive, failedSignInCount: 0, lockedUntil: null } : {}),
        // Deactivated: the sessions it had must not come back if the user is reactivated later.
        ...(input.isActive === false && isActiveChanged ? { sessionsValidAfter: new Date() } : {}),
      },
    });
    const entry = { ...auditEntryFor(caller), entityType: 'user', entityId: userId };
    if (isRenamed) {
      await recordAuditEvent(tx, {
        ...entry,
        action: ADMIN_AUDIT_ACTIONS.userUpdated,
        details: { before: { name: before.name }, after: { name: input.name ?? before.name } },
      });
    }
    if (isActiveChanged) {
      await recordAuditEvent(tx, {
        ...entry,
        action: input.isActive ? ADMIN_AUDIT_ACTIONS.userReactivated : ADMIN_AUDIT_ACTIONS.userDeactivated,
        details: { name: input.name ?? before.name },
      });
    }
  });
  return getAdminUser(caller, userId);
}

/**
 * Sets a user's password to the one given, or to a generated one returned once, and lifts any lockout. The old
 * password stops working at once, and so do the user's sessions. Recorded as 'user.password_reset' (how, never what).
 */
export async function resetUserPassword(
  caller: Caller,
  userId: number,
  input: ResetPasswordRequest,
): Promise<UserWithPasswordResponse> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const exists = await prisma.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: { id: true },
  });
  // Checked before the (slow) hash, so an unknown id is refused at once.
  if (!exists) throw AppError.notFound(`No user ${userId}.`);
  const generatedPassword = input.mode === 'generate' ? generatePassword() : null;
  const passwordHash = await hashPassword(
    input.mode === 'set' ? input.password : (generatedPassword as string),
  );
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { organisationId, id: userId },
      // Whoever is signed in as the user (with the old password, perhaps not the user) is signed out.
      data: { passwordHash, failedSignInCount: 0, lockedUntil: null, sessionsValidAfter: new Date() },
    });
    if (count === 0) throw AppError.notFound(`No user ${userId}.`);
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.userPasswordReset,
      entityType: 'user',
      entityId: userId,
      details: { method: input.mode === 'set' ? 'set' : 'generated' },
    });
  });
  return { user: await getAdminUser(caller, userId), generatedPassword };
}
