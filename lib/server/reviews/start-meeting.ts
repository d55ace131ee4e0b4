import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Prisma } from '@/lib/server/generated/prisma/client';
import { todayInLondon } from '@/lib/shared/periods';
import type { StartMeetingRequest } from '@/lib/shared/schemas/reviews';
import type { Database } from '../db';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { buildAgenda } from './build-agenda';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { getNamedReviewUnit } from './review-unit';

/**
 * Starts a review of a specialty or division the caller sees named (otherwise 404): builds the standardised agenda
 * from the metric views now, then writes the meeting and its frozen snapshot in one transaction, so that a meeting
 * never exists without the numbers it discussed. Later imports change the live views, never the snapshot. A period
 * that starts after today (in London) is refused (400).
 */
export async function startMeeting(
  database: Database,
  actor: ReviewActor,
  request: StartMeetingRequest,
  now: Date = new Date(),
): Promise<MeetingSummary> {
  if (actor.userId === undefined)
    throw AppError.badRequest('A review meeting is started by a signed-in person.');
  // A period that starts after today has no numbers at all. One that started and has not ended yet is allowed: a
  // lead reviewing "this quarter so far" expects the numbers to date, and the agenda says what the extracts cover.
  if (request.period.from > todayInLondon(now))
    throw AppError.badRequest('The period starts after today: there are no numbers to review yet.');
  const found = await getNamedReviewUnit(database, actor.scope, request.unit);
  if (!found) throw AppError.notFound(`No ${request.unit.level} ${request.unit.id}.`);
  const agenda = await buildAgenda(database, actor.scope, {
    unit: found.unit,
    people: found.people,
    period: request.period,
    activity: request.activity,
    meetingId: null,
    startedAt: now,
    today: todayInLondon(now),
  });
  const organisationId = actor.organisationId;
  const userId = actor.userId;
  const row = await database.prisma.$transaction(async (tx) => {
    const meeting = await tx.reviewMeeting.create({
      data: {
        organisationId,
        unitLevel: found.unit.level,
        specialtyId: found.unit.level === 'specialty' ? found.unit.id : null,
        divisionId: found.unit.divisionId,
        periodFrom: new Date(`${request.period.from}T00:00:00Z`),
        periodTo: new Date(`${request.period.to}T00:00:00Z`),
        activity: request.activity,
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
