import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { resolveChallenge } from '@/lib/server/reviews/challenges';
import { RESOLVE_CHALLENGE_FIELDS } from '@/lib/shared/schemas/review-fields';
import { resolveChallengeRequestSchema } from '@/lib/shared/schemas/reviews';

type Context = { params: Promise<{ challengeId: string }> };

/** Resolves an open challenge: accepted with a correction note, or explained. 409 when already resolved. */
export const PATCH = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'challenges:resolve');
  const id = parseIdParam((await params).challengeId, 'challenge');
  const input = await readJsonBody(request, resolveChallengeRequestSchema, {
    expected: '{ status: "accepted", correctionNote, resolution? } or { status: "explained", resolution }',
    invalid: 'The challenge could not be resolved',
    fields: RESOLVE_CHALLENGE_FIELDS,
  });
  return jsonResponse(await resolveChallenge(await getDatabase(), caller, id, input));
});
