import type { AgendaPerson } from '@/lib/shared/review-agenda';
import { isEmptyGrant, NO_GRANT, type Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { MIN_GROUP_SIZE } from '../metrics/disclosure';
import { queryRows } from '../metrics/query';
import { getUserNames } from './action-rows';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { mayReadTotalsOf, mayReadTotalsWhere } from './read-meeting';
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
 * by the unit's size stored as the meeting started (mayReadTotalsWhere), so the list never offers a meeting that
 * would then not be found and reads no snapshot to know it.
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
  const acceptedSmall = await getAcceptedSmallMeetings(database, scope);
  const rows = await database.prisma.reviewMeeting.findMany({
    where: {
      AND: [
        visibleMeetingWhere(scope),
        unit,
        filter.level ? { unitLevel: filter.level } : {},
        mayReadTotalsWhere(scope, acceptedSmall),
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
 * The meetings of small units (fewer than MIN_GROUP_SIZE consultants as they started) that the caller may open only
 * through an anonymised grant, whose totals mayReadTotalsOf lets them read: only there does the rule need the
 * snapshot's people (a consultant alone in their specialty sees all of it named). Read for those few meetings, and
 * not at all for a caller without an anonymised grant.
 */
async function getAcceptedSmallMeetings(database: Database, scope: Scope): Promise<number[]> {
  if (scope.named === 'all' || isEmptyGrant(scope.anonymised)) return [];
  const small = await database.prisma.reviewMeeting.findMany({
    where: {
      AND: [visibleMeetingWhere({ ...scope, named: NO_GRANT }), { peopleCount: { lt: MIN_GROUP_SIZE } }],
    },
    select: { id: true },
  });
  if (small.length === 0) return [];
  const rows = await queryRows<{ meetingId: number; people: AgendaPerson[] | string }>(
    database,
    `SELECT meeting_id AS "meetingId", agenda->'people' AS people
       FROM review_snapshots
      WHERE organisation_id = $1 AND meeting_id = ANY($2::int[])`,
    [scope.organisationId, small.map((row) => row.id)],
  );
  return rows.flatMap((row) => {
    const people = typeof row.people === 'string' ? (JSON.parse(row.people) as AgendaPerson[]) : row.people;
    return mayReadTotalsOf(scope, people) ? [row.meetingId] : [];
  });
}
