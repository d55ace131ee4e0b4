import type { AgendaPerson } from '@/lib/shared/review-agenda';
import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { MIN_GROUP_SIZE } from '../metrics/disclosure';
import { queryRows } from '../metrics/query';
import { getUserNames } from './action-rows';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { mayReadTotalsOf } from './read-meeting';
import { visibleMeetingWhere } from './scope-where';

/** A meeting in the list, with who started it. */
export interface MeetingListItem extends MeetingSummary {
  /**
   * The name of the person who started it, shown to everyone who may open the meeting, as the owner of a unit's
   * action is (disclose-agenda.ts): running a review names no consultant's figures. Null if the user cannot be found (users are deactivated, never deleted).
   */
  startedByName: string | null;
}

/**
 * The meetings the caller may open, latest first, with who started each; optionally one unit's. A meeting of a unit
 * too small for its totals to be shown to the caller (getMeeting's rule, mayReadTotalsOf) is left out in the query,
 * so the list never offers a meeting that would then not be found.
 */
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
  const hidden = await getHiddenSmallMeetings(database, scope);
  const rows = await database.prisma.reviewMeeting.findMany({
    where: {
      AND: [
        visibleMeetingWhere(scope),
        unit,
        filter.level ? { unitLevel: filter.level } : {},
        hidden.length > 0 ? { id: { notIn: hidden } } : {},
      ],
    },
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

/**
 * The meetings of units with fewer than MIN_GROUP_SIZE consultants whose totals the caller may not read: the small
 * snapshots' people only (few, and small), read with their size in SQL; none when the caller sees everyone named.
 */
async function getHiddenSmallMeetings(database: Database, scope: Scope): Promise<number[]> {
  if (scope.named === 'all') return [];
  const small = await queryRows<{ meetingId: number; people: AgendaPerson[] | string }>(
    database,
    `SELECT meeting_id AS "meetingId", agenda->'people' AS people
       FROM review_snapshots
      WHERE organisation_id = $1 AND jsonb_array_length(agenda->'people') < $2`,
    [scope.organisationId, MIN_GROUP_SIZE],
  );
  return small.flatMap((row) => {
    const people = typeof row.people === 'string' ? (JSON.parse(row.people) as AgendaPerson[]) : row.people;
    return mayReadTotalsOf(scope, people) ? [] : [row.meetingId];
  });
}
