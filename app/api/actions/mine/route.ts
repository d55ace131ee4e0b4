import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getMyActions } from '@/lib/server/reviews/read-actions';

/** "My actions": the actions the caller owns, open ones first, overdue ones flagged. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  return jsonResponse({ actions: await getMyActions(await getDatabase(), caller) });
});
