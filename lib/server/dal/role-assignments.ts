import type { Caller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { getPrisma } from '@/lib/server/db';
import type { Prisma, PrismaClient } from '@/lib/server/generated/prisma/client';
import { ROLE_LABELS, type Role } from '@/lib/shared/permissions';
import {
  ADMIN_AUDIT_ACTIONS,
  type AssignRoleRequest,
  type RoleAssignmentSummary,
  type RoleScope,
  type RoleScopeOptions,
} from '@/lib/shared/schemas/admin';
import { auditEntryFor } from './audit-events';

/**
 * Role assignments: which role a user holds and over what (the trust, a division, a specialty or their own
 * consultant record). Scope ids are checked against the caller's organisation, since role_assignments has no
 * foreign key to them: an id of another trust reads as not found.
 */

type Reader = Pick<PrismaClient, 'division' | 'specialty' | 'consultant'>;

export interface AssignmentRow {
  id: number;
  role: Role;
  divisionId: number | null;
  specialtyId: number | null;
  consultantId: number | null;
  createdAt: Date;
}

export const assignmentSelect = {
  id: true,
  role: true,
  divisionId: true,
  specialtyId: true,
  consultantId: true,
  createdAt: true,
} as const;

/** Assignments with the names of what they cover (three queries however many there are). */
export async function describeAssignments(
  db: Reader,
  organisationId: number,
  rows: readonly AssignmentRow[],
): Promise<RoleAssignmentSummary[]> {
  const ids = (pick: (row: AssignmentRow) => number | null) => [
    ...new Set(rows.flatMap((row) => (pick(row) === null ? [] : [pick(row) as number]))),
  ];
  const divisionIds = ids((row) => row.divisionId);
  const specialtyIds = ids((row) => row.specialtyId);
  const consultantIds = ids((row) => row.consultantId);
  const [divisions, specialties, consultants] = await Promise.all([
    divisionIds.length === 0
      ? []
      : db.division.findMany({
          where: { organisationId, id: { in: divisionIds } },
          select: { id: true, name: true },
        }),
    specialtyIds.length === 0
      ? []
      : db.specialty.findMany({
          where: { organisationId, id: { in: specialtyIds } },
          select: { id: true, name: true },
        }),
    consultantIds.length === 0
      ? []
      : db.consultant.findMany({
          where: { organisationId, id: { in: consultantIds } },
          select: { id: true, name: true, gmcNumber: true },
        }),
  ]);
  const divisionById = new Map(divisions.map((row) => [row.id, row]));
  const specialtyById = new Map(specialties.map((row) => [row.id, row]));
  const consultantById = new Map(consultants.map((row) => [row.id, row]));
  return rows.map((row) => {
    let scope: RoleScope = { kind: 'trust' };
    if (row.divisionId !== null) {
      const name = divisionById.get(row.divisionId)?.name ?? `Unknown division ${row.divisionId}`;
      scope = { kind: 'division', id: row.divisionId, name };
    } else if (row.specialtyId !== null) {
      const name = specialtyById.get(row.specialtyId)?.name ?? `Unknown specialty ${row.specialtyId}`;
      scope = { kind: 'specialty', id: row.specialtyId, name };
    } else if (row.consultantId !== null) {
      const consultant = consultantById.get(row.consultantId);
      scope = {
        kind: 'consultant',
        id: row.consultantId,
        name: consultant?.name ?? `Unknown consultant ${row.consultantId}`,
        gmcNumber: consultant?.gmcNumber ?? '',
      };
    }
    return { id: row.id, role: row.role, scope, createdAt: row.createdAt.toISOString() };
  });
}

/** What a role can be scoped to in the caller's organisation: the role pickers' options. */
export async function getRoleScopeOptions(caller: Caller): Promise<RoleScopeOptions> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  const [divisions, specialties, consultants] = await Promise.all([
    prisma.division.findMany({
      where: { organisationId },
      select: { id: true, code: true, name: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    prisma.specialty.findMany({
      where: { organisationId },
      select: { id: true, code: true, name: true, divisionId: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    prisma.consultant.findMany({
      where: { organisationId },
      select: { id: true, name: true, gmcNumber: true, specialtyId: true, isActive: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return { divisions, specialties, consultants };
}

/** The scope columns of a request, each checked to exist in the organisation (404 otherwise). */
async function resolveScope(
  tx: Prisma.TransactionClient,
  organisationId: number,
  input: AssignRoleRequest,
): Promise<{ divisionId: number | null; specialtyId: number | null; consultantId: number | null }> {
  const none = { divisionId: null, specialtyId: null, consultantId: null };
  switch (input.role) {
    case 'admin':
    case 'executive':
      return none;
    case 'divisional_director': {
      const found = await tx.division.findUnique({
        where: { organisationId_id: { organisationId, id: input.divisionId } },
        select: { id: true },
      });
      if (!found) throw AppError.notFound(`No division ${input.divisionId}.`);
      return { ...none, divisionId: found.id };
    }
    case 'clinical_lead': {
      const found = await tx.specialty.findUnique({
        where: { organisationId_id: { organisationId, id: input.specialtyId } },
        select: { id: true },
      });
      if (!found) throw AppError.notFound(`No specialty ${input.specialtyId}.`);
      return { ...none, specialtyId: found.id };
    }
    case 'consultant': {
      const found = await tx.consultant.findUnique({
        where: { organisationId_id: { organisationId, id: input.consultantId } },
        select: { id: true },
      });
      if (!found) throw AppError.notFound(`No consultant ${input.consultantId}.`);
      return { ...none, consultantId: found.id };
    }
  }
}

/** A scope as the audit log records it: kind, id and name (names change; the id is the reference). */
function auditScope(scope: RoleScope) {
  return scope.kind === 'trust' ? { kind: 'trust' } : { kind: scope.kind, id: scope.id, name: scope.name };
}

/**
 * Gives a user of the caller's organisation a role. 404 for an unknown user or scope id, 409 when the user
 * already holds exactly that assignment. Recorded as 'role.assigned' in the same transaction.
 */
export async function assignRole(
  caller: Caller,
  userId: number,
  input: AssignRoleRequest,
): Promise<RoleAssignmentSummary> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { organisationId_id: { organisationId, id: userId } },
      select: { id: true, name: true },
    });
    if (!user) throw AppError.notFound(`No user ${userId}.`);
    const scope = await resolveScope(tx, organisationId, input);
    const existing = await tx.roleAssignment.findFirst({
      where: { organisationId, userId, role: input.role, revokedAt: null, ...scope },
      select: { id: true },
    });
    if (existing) {
      throw AppError.conflict(`${user.name} already holds this role (${ROLE_LABELS[input.role]}) there.`);
    }
    const created = await tx.roleAssignment.create({
      data: { organisationId, userId, role: input.role, ...scope },
      select: assignmentSelect,
    });
    const [summary] = await describeAssignments(tx, organisationId, [created]);
    if (!summary) throw new Error('the new role assignment cannot be described');
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.roleAssigned,
      entityType: 'user',
      entityId: userId,
      details: { assignmentId: created.id, role: created.role, scope: auditScope(summary.scope) },
    });
    return summary;
  });
}

/**
 * Revokes one of a user's live role assignments (sets revoked_at; the row stays as history). 404 when the user
 * has no such assignment, 409 when it is already revoked or is the caller's own administrator role (which would
 * lock them out). Recorded as 'role.revoked' in the same transaction.
 */
export async function revokeRole(
  caller: Caller,
  userId: number,
  assignmentId: number,
): Promise<RoleAssignmentSummary> {
  const prisma = await getPrisma();
  const organisationId = caller.organisationId;
  return prisma.$transaction(async (tx) => {
    const assignment = await tx.roleAssignment.findFirst({
      where: { organisationId, id: assignmentId, userId },
      select: { ...assignmentSelect, revokedAt: true },
    });
    if (!assignment) throw AppError.notFound(`No role assignment ${assignmentId} for user ${userId}.`);
    if (assignment.revokedAt) throw AppError.conflict('This role assignment was already revoked.');
    if (assignment.role === 'admin' && caller.userId === userId) {
      throw AppError.conflict(
        'You cannot revoke your own administrator role: ask another administrator to do it.',
      );
    }
    const { count } = await tx.roleAssignment.updateMany({
      where: { organisationId, id: assignmentId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw AppError.conflict('This role assignment was already revoked.');
    const [summary] = await describeAssignments(tx, organisationId, [assignment]);
    if (!summary) throw new Error('the revoked role assignment cannot be described');
    await recordAuditEvent(tx, {
      ...auditEntryFor(caller),
      action: ADMIN_AUDIT_ACTIONS.roleRevoked,
      entityType: 'user',
      entityId: userId,
      details: { assignmentId, role: assignment.role, scope: auditScope(summary.scope) },
    });
    return summary;
  });
}
