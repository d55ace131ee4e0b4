import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { closeMeeting } from '@/lib/server/reviews/close-meeting';

type Context = { params: Promise<{ meetingId: string }> };

/** Closes a meeting the caller may run (its snapshot stays as it was). */
export const POST = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'reviews:run');
  const id = parseIdParam((await params).meetingId, 'review meeting');
  return jsonResponse(await closeMeeting(await getDatabase(), caller, id));
});
