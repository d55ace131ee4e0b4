import { AppError } from '@/lib/server/api/errors';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import type { Grant, Scope } from '@/lib/shared/scope';

/*
 * The caller's scope as conditions inside the review queries (Prisma `where`), so that a meeting, annotation,
 * challenge or action outside it reads as not found. A grant covers a unit when it covers everyone, its
 * division, its specialty or (for consultant rows) the consultant.
 */

/** Rows whose consultant column is a consultant the grant covers. */
function consultantGrantWhere(grant: Grant): Prisma.ConsultantWhereInput {
  if (grant === 'all') return {};
  return {
    OR: [
      { id: { in: [...grant.consultantIds] } },
      { specialtyId: { in: [...grant.specialtyIds] } },
      { divisionId: { in: [...grant.divisionIds] } },
    ],
  };
}

/** Consultants the caller may see named: the only ones they may annotate, challenge or attach actions to. */
export function namedConsultantWhere(scope: Scope): Prisma.ConsultantWhereInput {
  return { organisationId: scope.organisationId, ...consultantGrantWhere(scope.named) };
}

/** The id of a consultant the caller sees named; anyone else reads as not found (404). */
export async function requireNamedConsultantId(
  prisma: Pick<Prisma.TransactionClient, 'consultant'>,
  scope: Scope,
  consultantId: number,
): Promise<number> {
  const consultant = await prisma.consultant.findFirst({
    where: { ...namedConsultantWhere(scope), id: consultantId },
    select: { id: true },
  });
  if (!consultant) throw AppError.notFound(`No consultant ${consultantId}.`);
  return consultant.id;
}

/** A unit (specialty or division row) a grant covers: everyone, its division or the specialty itself. */
function unitGrantWhere(grant: Grant): { OR: object[] } | object {
  if (grant === 'all') return {};
  return {
    OR: [{ specialtyId: { in: [...grant.specialtyIds] } }, { divisionId: { in: [...grant.divisionIds] } }],
  };
}

/**
 * Meetings the caller may open: of a unit whose consultants they see named or anonymised (a consultant: their own
 * specialty's; a lead: their specialty's; a director: their division's and its specialties').
 */
export function visibleMeetingWhere(scope: Scope): Prisma.ReviewMeetingWhereInput {
  // Prisma reads an empty condition inside OR as matching nothing: "every unit" is said by leaving OR out.
  if (scope.named === 'all' || scope.anonymised === 'all') return { organisationId: scope.organisationId };
  return {
    organisationId: scope.organisationId,
    OR: [unitGrantWhere(scope.named), unitGrantWhere(scope.anonymised)] as Prisma.ReviewMeetingWhereInput[],
  };
}

/** Meetings the caller may run (start, close, agree actions in): of a unit they see entirely named. */
export function runnableMeetingWhere(scope: Scope): Prisma.ReviewMeetingWhereInput {
  return { organisationId: scope.organisationId, ...(unitGrantWhere(scope.named) as object) };
}

/**
 * Actions the caller may see: their own, those about a consultant they see named, and unit actions (no consultant)
 * of a unit whose consultants they see named or anonymised.
 */
export function visibleActionWhere(scope: Scope, userId: number | undefined): Prisma.ReviewActionWhereInput {
  // Seeing every consultant named: every action (no empty conditions in OR, which Prisma reads as none).
  if (scope.named === 'all') return { organisationId: scope.organisationId };
  const unitActions = (grant: Grant): Prisma.ReviewActionWhereInput =>
    grant === 'all' ? { consultantId: null } : { consultantId: null, ...(unitGrantWhere(grant) as object) };
  return {
    organisationId: scope.organisationId,
    OR: [
      ...(userId === undefined ? [] : [{ ownerUserId: userId }, { createdByUserId: userId }]),
      { consultant: consultantGrantWhere(scope.named) },
      unitActions(scope.named),
      unitActions(scope.anonymised),
    ],
  };
}

/** Actions the caller may change: their own, and those of consultants or units they see named. */
export function writableActionWhere(scope: Scope, userId: number | undefined): Prisma.ReviewActionWhereInput {
  if (scope.named === 'all') return { organisationId: scope.organisationId };
  const named = scope.named;
  return {
    organisationId: scope.organisationId,
    OR: [
      ...(userId === undefined ? [] : [{ ownerUserId: userId }]),
      { consultant: consultantGrantWhere(named) },
      { consultantId: null, ...(unitGrantWhere(named) as object) },
    ],
  };
}

/** Specialties the caller sees entirely named: every one, those of their divisions, or their own. */
export function namedSpecialtyWhere(scope: Scope): Prisma.SpecialtyWhereInput {
  const grant = scope.named;
  if (grant === 'all') return { organisationId: scope.organisationId };
  return {
    organisationId: scope.organisationId,
    OR: [{ id: { in: [...grant.specialtyIds] } }, { divisionId: { in: [...grant.divisionIds] } }],
  };
}

/** Divisions the caller sees entirely named. */
export function namedDivisionWhere(scope: Scope): Prisma.DivisionWhereInput {
  const grant = scope.named;
  if (grant === 'all') return { organisationId: scope.organisationId };
  return { organisationId: scope.organisationId, id: { in: [...grant.divisionIds] } };
}
