import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { visibleMeetingWhere } from './scope-where';

/** The meetings the caller may open, latest first; optionally one unit's. */
export async function listMeetings(
  database: Database,
  scope: Scope,
  filter: { level?: 'specialty' | 'division'; unitId?: number } = {},
): Promise<MeetingSummary[]> {
  const unit =
    filter.unitId === undefined
      ? {}
      : filter.level === 'division'
        ? { unitLevel: 'division' as const, divisionId: filter.unitId }
        : { unitLevel: 'specialty' as const, specialtyId: filter.unitId };
  const rows = await database.prisma.reviewMeeting.findMany({
    where: { AND: [visibleMeetingWhere(scope), unit, filter.level ? { unitLevel: filter.level } : {}] },
    select: meetingSummarySelect,
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return rows.map(toMeetingSummary);
}
