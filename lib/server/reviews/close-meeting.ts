import { AppError } from '@/lib/server/api/errors';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import type { Database } from '../db';
import { auditActorOf, REVIEW_AUDIT_ACTIONS, type ReviewActor } from './actor';
import { meetingSummarySelect, toMeetingSummary } from './meeting-summary';
import type { MeetingSummary } from './meeting-view';
import { runnableMeetingWhere } from './scope-where';

/** Closes a meeting the caller may run (404 otherwise; 409 when already closed). Its snapshot stays as it was. */
export async function closeMeeting(
  database: Database,
  actor: ReviewActor,
  meetingId: number,
  now: Date = new Date(),
): Promise<MeetingSummary> {
  return database.prisma.$transaction(async (tx) => {
    const meeting = await tx.reviewMeeting.findFirst({
      where: { ...runnableMeetingWhere(actor.scope), id: meetingId },
      select: { status: true },
    });
    if (!meeting) throw AppError.notFound(`No review meeting ${meetingId}.`);
    const closed = await tx.reviewMeeting.updateMany({
      where: { organisationId: actor.organisationId, id: meetingId, status: 'in_progress' },
      data: { status: 'closed', closedAt: now },
    });
    if (closed.count === 0) throw AppError.conflict(`Review meeting ${meetingId} is already closed.`);
    await recordAuditEvent(tx, {
      ...auditActorOf(actor),
      action: REVIEW_AUDIT_ACTIONS.meetingClosed,
      entityType: 'review_meeting',
      entityId: meetingId,
    });
    const row = await tx.reviewMeeting.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: actor.organisationId, id: meetingId } },
      select: meetingSummarySelect,
    });
    return toMeetingSummary(row);
  });
}
