import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { isTrue, readMeetingQuerySchema } from '@/lib/shared/schemas/reviews';

type Context = { params: Promise<{ meetingId: string }> };

/**
 * One meeting: its frozen agenda and the same agenda from today's data (`live=false` to skip it), consultants as
 * the caller may see them (`anonymise=true`: the projector's anonymise switch). 404 outside the caller's scope.
 */
export const GET = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const { meetingId } = await params;
  const id = parseIdParam(meetingId, 'review meeting');
  const query = parseQueryOrBadRequest(readMeetingQuerySchema, request);
  const meeting = await getMeeting(await getDatabase(), caller.scope, id, {
    anonymise: isTrue(query.anonymise),
    live: query.live === undefined ? true : isTrue(query.live),
  });
  if (!meeting) throw AppError.notFound(`No review meeting ${meetingId}.`);
  await recordNamedViews(
    caller,
    meeting.agenda.members.map((row) => (row.member.kind === 'consultant' ? row.member.consultantId : null)),
    { view: 'review_meeting', meetingId: id },
  );
  return jsonResponse(meeting);
});
