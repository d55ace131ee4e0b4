import type { AgendaPerson, AgendaUnit, ReviewUnitLevel } from '@/lib/shared/review-agenda';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { namedDivisionWhere, namedSpecialtyWhere } from './scope-where';

/**
 * A specialty or division the caller sees entirely named (the only units they may review), with its consultants;
 * null when it does not exist in their organisation or they may not (reads as not found).
 */
export async function getNamedReviewUnit(
  database: Database,
  scope: Scope,
  request: { level: ReviewUnitLevel; id: number },
): Promise<{ unit: AgendaUnit; people: AgendaPerson[] } | null> {
  const prisma = database.prisma;
  const organisationId = scope.organisationId;
  // The scope is part of each query: a unit the caller does not see named is simply not found.
  const unit =
    request.level === 'specialty'
      ? await findSpecialty(database, scope, request.id)
      : await findDivision(database, scope, request.id);
  if (!unit) return null;
  const consultants = await prisma.consultant.findMany({
    where: {
      organisationId,
      ...(unit.level === 'specialty' ? { specialtyId: unit.id } : { divisionId: unit.id }),
    },
    select: {
      id: true,
      gmcNumber: true,
      name: true,
      specialtyId: true,
      divisionId: true,
      specialty: { select: { name: true } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return {
    unit,
    people: consultants.map(({ specialty, ...person }) => ({ ...person, specialtyName: specialty.name })),
  };
}

async function findSpecialty(database: Database, scope: Scope, id: number): Promise<AgendaUnit | null> {
  const row = await database.prisma.specialty.findFirst({ where: { ...namedSpecialtyWhere(scope), id } });
  return (
    row && { level: 'specialty', id: row.id, code: row.code, name: row.name, divisionId: row.divisionId }
  );
}

async function findDivision(database: Database, scope: Scope, id: number): Promise<AgendaUnit | null> {
  const row = await database.prisma.division.findFirst({ where: { ...namedDivisionWhere(scope), id } });
  return row && { level: 'division', id: row.id, code: row.code, name: row.name, divisionId: row.id };
}
