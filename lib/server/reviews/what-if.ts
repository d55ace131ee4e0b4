import { computeWhatIf, type WhatIfResult } from '@/lib/shared/review-what-if';
import type { WhatIfRequest } from '@/lib/shared/schemas/reviews';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getUnitReport } from '../metrics/unit-report';
import { namedConsultantWhere, namedSpecialtyWhere } from './scope-where';

/**
 * The what-if of a specialty the caller sees named (null otherwise: not found): its consultants' figures over the
 * period from the unit report, with the changes applied (lib/shared/review-what-if.ts, assumptions included).
 */
export async function getWhatIf(
  database: Database,
  scope: Scope,
  request: WhatIfRequest,
): Promise<(WhatIfResult & { weeks: number }) | null> {
  const specialty = await database.prisma.specialty.findFirst({
    where: { ...namedSpecialtyWhere(scope), id: request.specialtyId },
    select: { id: true },
  });
  if (!specialty) return null;
  const report = await getUnitReport(database, scope, {
    level: 'consultant',
    within: { level: 'specialty', id: specialty.id },
    period: request.period,
    activity: request.activity,
  });
  const consultants = report.rows.flatMap((row) =>
    row.id === null
      ? []
      : [
          {
            id: row.id,
            name: row.name,
            expectedNet: row.expectedNet,
            delivered: row.delivered,
            additional: row.additional,
            heldSessions: row.heldSessions,
            patients: row.patients,
          },
        ],
  );
  const result = computeWhatIf(consultants, request.changes, {
    weeks: report.weeks,
    thresholds: {
      over: report.parameters.overDeliveryThreshold,
      under: report.parameters.underDeliveryThreshold,
    },
  });
  return { ...result, weeks: report.weeks };
}

/** A specialty the caller may try a what-if on, with its consultants (named: only specialties seen named). */
export interface WhatIfSpecialty {
  id: number;
  code: string;
  name: string;
  consultants: { id: number; name: string }[];
}

/**
 * The specialties the caller sees entirely named, each with its active consultants by name: what the what-if
 * panel offers to move sessions between or to re-template.
 */
export async function listWhatIfSpecialties(database: Database, scope: Scope): Promise<WhatIfSpecialty[]> {
  const specialties = await database.prisma.specialty.findMany({
    where: namedSpecialtyWhere(scope),
    select: { id: true, code: true, name: true },
    orderBy: { name: 'asc' },
  });
  if (specialties.length === 0) return [];
  const consultants = await database.prisma.consultant.findMany({
    where: {
      ...namedConsultantWhere(scope),
      isActive: true,
      specialtyId: { in: specialties.map((specialty) => specialty.id) },
    },
    select: { id: true, name: true, specialtyId: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return specialties
    .map((specialty) => ({
      ...specialty,
      consultants: consultants
        .filter((consultant) => consultant.specialtyId === specialty.id)
        .map(({ id, name }) => ({ id, name })),
    }))
    .filter((specialty) => specialty.consultants.length > 0);
}
