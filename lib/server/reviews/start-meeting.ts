import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import { ACTIVITY_LABELS, describePeriod, todayInLondon } from '@/lib/shared/periods';
import type { AgendaUnit } from '@/lib/shared/review-agenda';
import { MEETING_OPEN_CODE, type StartMeetingRequest } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { buildAgenda } from './build-agenda';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { getNamedReviewUnit } from './review-unit';

/** Key of the advisory lock that serialises starting meetings in one organisation (imports 0–5, the ledger 100). */
const START_LOCK_KEY = 101;

const startedFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export interface StartMeetingOptions {
  /**
   * Refuse (409 `meeting_open`, with the meeting's link) when the unit already has an open meeting for the same
   * period and activity: the API does unless the request asks for another anyway (`startAnother`). Scripts and
   * tests that mean to start one leave it out.
   */
  refuseIfOpen?: boolean;
}

/** The latest meeting still in progress of the unit for exactly this period and activity, if any. */
async function findOpenMeeting(
  prisma: Pick<Prisma.TransactionClient, 'reviewMeeting'>,
  organisationId: number,
  unit: AgendaUnit,
  request: StartMeetingRequest,
) {
  return prisma.reviewMeeting.findFirst({
    where: {
      organisationId,
      status: 'in_progress',
      unitLevel: unit.level,
      ...(unit.level === 'specialty' ? { specialtyId: unit.id } : { divisionId: unit.id, specialtyId: null }),
      periodFrom: new Date(`${request.period.from}T00:00:00Z`),
      periodTo: new Date(`${request.period.to}T00:00:00Z`),
      activity: request.activity,
    },
    select: { id: true, startedAt: true },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
  });
}

/** The 409 for a meeting that would duplicate an open one: what it is and where to open it. */
function meetingOpenError(
  unit: AgendaUnit,
  request: StartMeetingRequest,
  open: { id: number; startedAt: Date },
): AppError {
  const href = `/reviews/${open.id}`;
  return AppError.conflict(
    `${unit.name} already has an open review meeting for ${describePeriod(request.period)} ` +
      `(${ACTIVITY_LABELS[request.activity].toLowerCase()}), started ${startedFormat.format(open.startedAt)}: ` +
      `open it at ${href}, or send "startAnother": true to start a second one.`,
    {
      code: MEETING_OPEN_CODE,
      details: { meetingId: open.id, href, startedAt: open.startedAt.toISOString() },
    },
  );
}

/**
 * Starts a review of a specialty or division the caller sees named (otherwise 404): builds the standardised agenda
 * from the metric views now, then writes the meeting and its frozen snapshot in one transaction, so that a meeting
 * never exists without the numbers it discussed. Later imports change the live views, never the snapshot. A period
 * that starts after today (in London) is refused (400); so is, when asked (`refuseIfOpen`), a second open meeting
 * of the same unit, period and activity (409, checked again under a lock as the meeting is written).
 */
export async function startMeeting(
  database: Database,
  actor: ReviewActor,
  request: StartMeetingRequest,
  now: Date = new Date(),
  options: StartMeetingOptions = {},
): Promise<MeetingSummary> {
  if (actor.userId === undefined)
    throw AppError.badRequest('A review meeting is started by a signed-in person.');
  // A period that starts after today has no numbers at all. One that started and has not ended yet is allowed: a
  // lead reviewing "this quarter so far" expects the numbers to date, and the agenda says what the extracts cover.
  if (request.period.from > todayInLondon(now))
    throw AppError.badRequest('The period starts after today: there are no numbers to review yet.');
  const found = await getNamedReviewUnit(database, actor.scope, request.unit);
  if (!found) throw AppError.notFound(`No ${request.unit.level} ${request.unit.id}.`);
  const refuseIfOpen = options.refuseIfOpen === true && request.startAnother !== true;
  // Before building the agenda (the slow part), so that the usual case is answered at once.
  if (refuseIfOpen) {
    const open = await findOpenMeeting(database.prisma, actor.organisationId, found.unit, request);
    if (open) throw meetingOpenError(found.unit, request, open);
  }
  const agenda = await buildAgenda(database, actor.scope, {
    unit: found.unit,
    people: found.people,
    period: request.period,
    activity: request.activity,
    meetingId: null,
    startedAt: now,
    now,
  });
  const organisationId = actor.organisationId;
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    if (refuseIfOpen) {
      // Two people pressing "Start" at once: the second waits here, then finds the first's meeting.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${organisationId}::int, ${START_LOCK_KEY}::int)`;
      const open = await findOpenMeeting(tx, organisationId, found.unit, request);
      if (open) throw meetingOpenError(found.unit, request, open);
    }
    const meeting = await tx.reviewMeeting.create({
      data: {
        organisationId,
        unitLevel: found.unit.level,
        specialtyId: found.unit.level === 'specialty' ? found.unit.id : null,
        divisionId: found.unit.divisionId,
        periodFrom: new Date(`${request.period.from}T00:00:00Z`),
        periodTo: new Date(`${request.period.to}T00:00:00Z`),
        activity: request.activity,
        // What getMeeting's small-unit rule counts (the snapshot's people), kept on the meeting for the list.
        peopleCount: agenda.people.length,
        startedByUserId: userId,
        startedAt: now,
      },
      select: meetingSummarySelect,
    });
    await tx.reviewSnapshot.create({
      data: {
        organisationId,
        meetingId: meeting.id,
        agenda: agenda as unknown as Prisma.InputJsonValue,
        takenAt: now,
      },
    });
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.meetingStarted,
      entityType: 'review_meeting',
      entityId: meeting.id,
      details: {
        unit: `${found.unit.level} ${found.unit.code}`,
        from: request.period.from,
        to: request.period.to,
        activity: request.activity,
      },
    });
    return meeting;
  });
  return toMeetingSummary(row);
}
