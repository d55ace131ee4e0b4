import { ROLE_LABELS } from '@/lib/shared/permissions';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';

/** Someone who may be given an action: an active user with a role in its unit. */
export interface ActionOwnerChoice {
  userId: number;
  name: string;
  /** Their role in the unit, in words ("Clinical lead / service manager"). */
  role: string;
}

/** The unit an action is about: a division, a specialty of it, and perhaps one consultant. */
export interface ActionUnit {
  divisionId: number;
  specialtyId: number | null;
}

/**
 * The people an action about `unit` can be given to: active users whose role covers it (its consultants, its
 * specialty's leads, its division's directors). Only for a caller who sees the whole unit named — to anyone else
 * (a consultant, who sees their peers anonymised) the list would name their peers, so they get none and the action
 * stays theirs.
 */
export async function listActionOwnerChoices(
  database: Database,
  scope: Scope,
  unit: ActionUnit,
): Promise<ActionOwnerChoice[]> {
  if (!seesUnitNamed(scope, unit)) return [];
  const organisationId = scope.organisationId;
  const inUnit =
    unit.specialtyId === null ? { divisionId: unit.divisionId } : { specialtyId: unit.specialtyId };
  const [consultants, specialties] = await Promise.all([
    database.prisma.consultant.findMany({ where: { organisationId, ...inUnit }, select: { id: true } }),
    unit.specialtyId === null
      ? database.prisma.specialty.findMany({
          where: { organisationId, divisionId: unit.divisionId },
          select: { id: true },
        })
      : Promise.resolve([{ id: unit.specialtyId }]),
  ]);
  const assignments = await database.prisma.roleAssignment.findMany({
    where: {
      organisationId,
      revokedAt: null,
      user: { isActive: true },
      OR: [
        { role: 'consultant', consultantId: { in: consultants.map((row) => row.id) } },
        { role: 'clinical_lead', specialtyId: { in: specialties.map((row) => row.id) } },
        { role: 'divisional_director', divisionId: unit.divisionId },
      ],
    },
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
  const byUser = new Map<number, ActionOwnerChoice>();
  for (const assignment of assignments) {
    if (!byUser.has(assignment.userId))
      byUser.set(assignment.userId, {
        userId: assignment.userId,
        name: assignment.user.name,
        role: ROLE_LABELS[assignment.role],
      });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Whether the caller sees every consultant of the unit named: everyone, its division, or (a specialty) itself. */
export function seesUnitNamed(scope: Scope, unit: ActionUnit): boolean {
  const grant = scope.named;
  if (grant === 'all') return true;
  if (grant.divisionIds.includes(unit.divisionId)) return true;
  return unit.specialtyId !== null && grant.specialtyIds.includes(unit.specialtyId);
}
