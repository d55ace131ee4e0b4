import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getWhatIf } from '@/lib/server/reviews/what-if';
import { whatIfRequestSchema } from '@/lib/shared/schemas/reviews';

/** What moving sessions or changing templates would do to a specialty's figures (nothing is changed). */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'reviews:run');
  const input = await readJsonBody(request, whatIfRequestSchema, {
    expected:
      '{ specialtyId, period: { from, to }, activity?, changes: [{ kind: "move", fromConsultantId, toConsultantId, sessionsPerWeek } | { kind: "output", consultantId, casesPerSession }] }',
    invalid: 'The what-if is not valid',
  });
  const result = await getWhatIf(await getDatabase(), caller.scope, input);
  if (!result) throw AppError.notFound(`No specialty ${input.specialtyId}.`);
  return jsonResponse(result);
});
