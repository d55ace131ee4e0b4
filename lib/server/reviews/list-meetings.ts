import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getUserNames } from './action-rows';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { visibleMeetingWhere } from './scope-where';

/** A meeting in the list, with who started it. */
export interface MeetingListItem extends MeetingSummary {
  /**
   * The name of the person who started it, shown to everyone who may open the meeting, as the owner of a unit's
   * action is (disclose-agenda.ts): running a review names no consultant's figures. Null if the user cannot be found (users are deactivated, never deleted).
   */
  startedByName: string | null;
}

/** The meetings the caller may open, latest first, with who started each; optionally one unit's. */
export async function listMeetings(
  database: Database,
  scope: Scope,
  filter: { level?: 'specialty' | 'division'; unitId?: number } = {},
): Promise<MeetingListItem[]> {
  const unit =
    filter.unitId === undefined
      ? {}
      : filter.level === 'division'
        ? { unitLevel: 'division' as const, divisionId: filter.unitId }
        : { unitLevel: 'specialty' as const, specialtyId: filter.unitId };
  const rows = await database.prisma.reviewMeeting.findMany({
    where: { AND: [visibleMeetingWhere(scope), unit, filter.level ? { unitLevel: filter.level } : {}] },
    select: { ...meetingSummarySelect, startedByUserId: true },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  const names = await getUserNames(
    database,
    scope.organisationId,
    rows.map((row) => row.startedByUserId),
  );
  return rows.map((row) => ({
    ...toMeetingSummary(row),
    startedByName: names.get(row.startedByUserId) ?? null,
  }));
}
