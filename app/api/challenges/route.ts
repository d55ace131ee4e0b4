import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { listMyChallenges, raiseChallenge } from '@/lib/server/reviews/challenges';
import { CHALLENGE_FIELDS } from '@/lib/shared/schemas/review-fields';
import { raiseChallengeRequestSchema } from '@/lib/shared/schemas/reviews';

/** The challenges the caller raised, with what became of them. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'challenges:raise');
  return jsonResponse({ challenges: await listMyChallenges(await getDatabase(), caller) });
});

/** Challenges a data point of a consultant the caller sees named as wrong: it goes to the admins' queue. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'challenges:raise');
  const input = await readJsonBody(request, raiseChallengeRequestSchema, {
    expected: '{ consultantId, sessionDate?, sessionPeriod?, weekStart?, metricId?, shownValue?, reason }',
    invalid: 'The challenge could not be sent',
    fields: CHALLENGE_FIELDS,
  });
  return jsonResponse(await raiseChallenge(await getDatabase(), caller, input), { status: 201 });
});
