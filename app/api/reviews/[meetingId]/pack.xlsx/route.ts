import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { recordAuditEvent } from '@/lib/server/audit/audit-log';
import { getDatabase } from '@/lib/server/db';
import { auditActorOf, REVIEW_AUDIT_ACTIONS } from '@/lib/server/reviews/actor';
import { buildMeetingPackWorkbook } from '@/lib/server/reviews/meeting-pack';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { isTrue, readMeetingQuerySchema } from '@/lib/shared/schemas/reviews';

type Context = { params: Promise<{ meetingId: string }> };

/** The meeting pack's tables as XLSX, from the frozen agenda, anonymised as asked (and as the caller must see it). */
export const GET = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const { meetingId } = await params;
  const id = parseIdParam(meetingId, 'review meeting');
  const query = parseQueryOrBadRequest(readMeetingQuerySchema, request);
  const database = await getDatabase();
  const anonymise = isTrue(query.anonymise);
  const meeting = await getMeeting(database, caller.scope, id, { anonymise, live: false });
  if (!meeting) throw AppError.notFound(`No review meeting ${meetingId}.`);
  const body = await buildMeetingPackWorkbook(meeting);
  await recordAuditEvent(database.prisma, {
    ...auditActorOf(caller),
    action: REVIEW_AUDIT_ACTIONS.meetingExported,
    entityType: 'review_meeting',
    entityId: id,
    details: { format: 'xlsx', anonymised: anonymise },
  });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="review-${id}-${meeting.unit.code}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
});
