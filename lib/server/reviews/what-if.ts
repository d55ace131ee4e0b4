import { computeWhatIf, type WhatIfResult } from '@/lib/shared/review-what-if';
import type { WhatIfRequest } from '@/lib/shared/schemas/reviews';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getUnitReport } from '../metrics/unit-report';
import { namedSpecialtyWhere } from './scope-where';

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
