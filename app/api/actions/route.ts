import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { createAction } from '@/lib/server/reviews/create-action';
import { listActions } from '@/lib/server/reviews/read-actions';
import { todayInLondon } from '@/lib/shared/periods';
import { ACTION_FIELDS } from '@/lib/shared/schemas/review-fields';
import { createActionRequestSchema, listActionsQuerySchema } from '@/lib/shared/schemas/reviews';

/** Actions the caller may see, optionally of one unit or consultant and one status (`active`: not closed). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'actions:write');
  const query = parseQueryOrBadRequest(listActionsQuerySchema, request);
  return jsonResponse({ actions: await listActions(await getDatabase(), caller, query) });
});

/** Creates an action in a meeting or for a unit or consultant the caller sees named, due today or later. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'actions:write');
  const input = await readJsonBody(request, createActionRequestSchema, {
    expected:
      '{ title, ownerUserId?, dueOn?, meetingId?, divisionId?, specialtyId?, consultantId?, metricId? } (at least one link)',
    invalid: 'The action could not be added',
    fields: ACTION_FIELDS,
  });
  return jsonResponse(
    await createAction(await getDatabase(), caller, input, { dueNotBefore: todayInLondon() }),
    { status: 201 },
  );
});
