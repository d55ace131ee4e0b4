import type { Prisma } from '@/lib/server/generated/prisma/client';
import { todayInLondon } from '@/lib/shared/periods';
import {
  type AgendaPerson,
  COMBINED_PER_SESSION_LABEL,
  type FrozenAgenda,
  headlineKey,
  isCombinedPerSession,
} from '@/lib/shared/review-agenda';
import { grantCovers, NO_GRANT, type Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { MIN_GROUP_SIZE } from '../metrics/disclosure';
import { actionSelect, getUserNames, toAgendaAction } from './action-rows';
import { buildAgenda } from './build-agenda';
import { discloseAgenda } from './disclose-agenda';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingView } from './meeting-view';
import { getNamedReviewUnit } from './review-unit';
import { runnableMeetingWhere, visibleMeetingWhere } from './scope-where';

export interface ReadMeetingOptions {
  anonymise?: boolean;
  /** Also build the agenda from today's data, for comparison (default true). */
  live?: boolean;
  now?: Date;
}

/**
 * One meeting as the caller may see it: its frozen agenda and, for comparison, the same agenda from today's data,
 * both disclosed by the caller's scope (peers anonymised for a consultant). Null when the meeting does not exist
 * or is of a unit whose consultants the caller may not see (the condition is in the query: it reads as not found),
 * or of a unit too small for its totals to be shown to someone who does not see everyone in it named.
 */
export async function getMeeting(
  database: Database,
  scope: Scope,
  meetingId: number,
  options: ReadMeetingOptions = {},
): Promise<MeetingView | null> {
  const row = await database.prisma.reviewMeeting.findFirst({
    where: { ...visibleMeetingWhere(scope), id: meetingId },
    select: { ...meetingSummarySelect, snapshot: { select: { agenda: true } } },
  });
  if (!row?.snapshot) return null;
  const summary = toMeetingSummary(row);
  const snapshot = labelCombinedPerSession(row.snapshot.agenda as unknown as FrozenAgenda);
  if (!mayReadTotalsOf(scope, snapshot.people)) return null;
  // The numbers are as frozen; the actions agreed in this meeting are as they stand now (they are its outcome,
  // written after the snapshot was taken, and no import changes them).
  const now = options.now ?? new Date();
  const agreed = await database.prisma.reviewAction.findMany({
    where: { organisationId: scope.organisationId, meetingId },
    select: actionSelect,
    orderBy: { id: 'asc' },
  });
  const owners = await getUserNames(
    database,
    scope.organisationId,
    agreed.map((action) => action.ownerUserId),
  );
  const frozen: FrozenAgenda = {
    ...snapshot,
    newActions: agreed.map((action) => toAgendaAction(action, owners, todayInLondon(now))),
  };
  const anonymise = options.anonymise ?? false;
  const agenda = await discloseAgenda(database, scope, frozen, { anonymise });
  if (options.live === false) return { ...summary, agenda, live: null, changes: [], isAnonymised: anonymise };

  // The live agenda is built as the meeting's runner sees the unit (named, the unit only) and then disclosed to
  // the caller exactly as the snapshot is: the caller reaches it only through a meeting they may open.
  const unitScope: Scope = {
    organisationId: scope.organisationId,
    named:
      summary.unit.level === 'specialty'
        ? { divisionIds: [], specialtyIds: [summary.unit.id], consultantIds: [] }
        : { divisionIds: [summary.unit.id], specialtyIds: [], consultantIds: [] },
    anonymised: NO_GRANT,
    aggregates:
      summary.unit.level === 'specialty'
        ? { divisionIds: [], specialtyIds: [summary.unit.id], consultantIds: [] }
        : { divisionIds: [summary.unit.id], specialtyIds: [], consultantIds: [] },
  };
  const found = await getNamedReviewUnit(database, unitScope, summary.unit);
  if (!found) return { ...summary, agenda, live: null, changes: [], isAnonymised: anonymise };
  const liveFrozen = await buildAgenda(database, unitScope, {
    unit: found.unit,
    people: found.people,
    period: summary.period,
    activity: summary.activity,
    meetingId: summary.id,
    startedAt: new Date(summary.startedAt),
    now,
  });
  const live = await discloseAgenda(database, scope, liveFrozen, { anonymise });
  const liveByKey = new Map(live.headline.map((metric) => [headlineKey(metric), metric.value]));
  // A figure the live agenda no longer has (an older snapshot's mixed one, now shown per category) has no "now".
  const changes = agenda.headline.flatMap((metric) => {
    const key = headlineKey(metric);
    if (!liveByKey.has(key)) return [];
    const now = liveByKey.get(key) ?? null;
    return isSame(metric.value, now)
      ? []
      : [
          {
            metricId: metric.metricId,
            ...(metric.category ? { category: metric.category } : {}),
            label: metric.label,
            frozen: metric.value,
            live: now,
          },
        ];
  });
  return { ...summary, agenda, live, changes, isAnonymised: anonymise };
}

/**
 * As on the dashboards: a unit of fewer than MIN_GROUP_SIZE consultants shows its totals only to those who see all
 * of them named (a specialty of two: its total less your own is your colleague). The meetings list applies the same
 * (mayReadTotalsWhere).
 */
export function mayReadTotalsOf(scope: Scope, people: readonly AgendaPerson[]): boolean {
  return people.length >= MIN_GROUP_SIZE || people.every((person) => grantCovers(scope.named, person));
}

/**
 * mayReadTotalsOf as a condition on meetings, for the list, without reading their snapshots: the unit had
 * MIN_GROUP_SIZE or more consultants as the meeting started (`peopleCount`, its snapshot's people), or the caller
 * sees the whole unit named (so everyone the snapshot took from it), or it is one of `acceptedSmallMeetings`, whose
 * people the caller's list has put through mayReadTotalsOf itself (a consultant alone in their specialty).
 */
export function mayReadTotalsWhere(
  scope: Scope,
  acceptedSmallMeetings: readonly number[],
): Prisma.ReviewMeetingWhereInput {
  if (scope.named === 'all') return {};
  return {
    OR: [
      { peopleCount: { gte: MIN_GROUP_SIZE } },
      runnableMeetingWhere(scope),
      ...(acceptedSmallMeetings.length > 0 ? [{ id: { in: [...acceptedSmallMeetings] } }] : []),
    ],
  };
}

/**
 * A snapshot frozen before patients or cases per session were shown per activity category holds, for clinics and
 * lists together, one figure mixing clinics' patients with lists' cases: it is shown as it was frozen, labelled so.
 */
function labelCombinedPerSession(agenda: FrozenAgenda): FrozenAgenda {
  if (!agenda.headline.some((metric) => isCombinedPerSession(metric, agenda.activity))) return agenda;
  return {
    ...agenda,
    headline: agenda.headline.map((metric) =>
      isCombinedPerSession(metric, agenda.activity)
        ? { ...metric, label: COMBINED_PER_SESSION_LABEL }
        : metric,
    ),
  };
}

/** Equal up to floating-point noise (sums read in a different order can differ in the last digits). */
function isSame(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
