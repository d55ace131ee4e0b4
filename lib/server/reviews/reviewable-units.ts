import type { ReviewableUnit } from '@/lib/shared/review-agenda';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { namedDivisionWhere, namedSpecialtyWhere, runnableMeetingWhere } from './scope-where';

/** The specialties and divisions the caller may review (those they see entirely named), divisions first, by name. */
export async function listReviewableUnits(database: Database, scope: Scope): Promise<ReviewableUnit[]> {
  const [divisions, specialties] = await Promise.all([
    database.prisma.division.findMany({ where: namedDivisionWhere(scope), orderBy: { name: 'asc' } }),
    database.prisma.specialty.findMany({ where: namedSpecialtyWhere(scope), orderBy: { name: 'asc' } }),
  ]);
  return [
    ...divisions.map((row) => ({ level: 'division' as const, id: row.id, code: row.code, name: row.name })),
    ...specialties.map((row) => ({
      level: 'specialty' as const,
      id: row.id,
      code: row.code,
      name: row.name,
    })),
  ];
}

/** Whether the caller may run (agree actions in, close) this meeting. */
export async function canRunMeeting(database: Database, scope: Scope, meetingId: number): Promise<boolean> {
  const count = await database.prisma.reviewMeeting.count({
    where: { ...runnableMeetingWhere(scope), id: meetingId },
  });
  return count > 0;
}
