import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getAction } from '@/lib/server/reviews/read-actions';
import { updateAction } from '@/lib/server/reviews/update-action';
import { todayInLondon } from '@/lib/shared/periods';
import { ACTION_FIELDS } from '@/lib/shared/schemas/review-fields';
import { updateActionRequestSchema } from '@/lib/shared/schemas/reviews';

type Context = { params: Promise<{ actionId: string }> };

/** One action with its history of changes. */
export const GET = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'actions:write');
  const { actionId } = await params;
  const action = await getAction(await getDatabase(), caller, parseIdParam(actionId, 'action'));
  if (!action) throw AppError.notFound(`No action ${actionId}.`);
  return jsonResponse(action);
});

/**
 * Changes an action's title, owner, due date, status or metric (with an optional note), recorded in its history; a
 * due date is never moved into the past.
 */
export const PATCH = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'actions:write');
  const id = parseIdParam((await params).actionId, 'action');
  const input = await readJsonBody(request, updateActionRequestSchema, {
    expected: '{ title?, ownerUserId?, dueOn?, status?, metricId?, note? }',
    invalid: 'The action could not be changed',
    fields: ACTION_FIELDS,
  });
  const now = new Date();
  return jsonResponse(
    await updateAction(await getDatabase(), caller, id, input, now, { dueNotBefore: todayInLondon(now) }),
  );
});
