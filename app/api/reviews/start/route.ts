import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { startMeeting } from '@/lib/server/reviews/start-meeting';
import { startMeetingRequestSchema } from '@/lib/shared/schemas/reviews';

/**
 * Starts a review of a specialty or division the caller sees named, freezing its agenda's numbers. A unit that
 * already has an open meeting for the same period and activity is refused (409 `meeting_open`, with the link to
 * open it) unless the request says `startAnother: true`.
 */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'reviews:run');
  const input = await readJsonBody(request, startMeetingRequestSchema, {
    expected:
      '{ unit: { level: "specialty" | "division", id }, period: { from, to }, activity?, startAnother? }',
    invalid: 'The meeting cannot be started',
  });
  const meeting = await startMeeting(await getDatabase(), caller, input, undefined, { refuseIfOpen: true });
  return jsonResponse(meeting, { status: 201 });
});
