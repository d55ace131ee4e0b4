import { parseQueryOrBadRequest } from '@/app/api/metrics/parse-query';
import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { createAnnotation, listAnnotations } from '@/lib/server/reviews/annotations';
import { ANNOTATION_FIELDS } from '@/lib/shared/schemas/review-fields';
import { createAnnotationRequestSchema, listAnnotationsQuerySchema } from '@/lib/shared/schemas/reviews';

/** A consultant's annotations (shared ones and the caller's own); the consultant must be one they see named. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'annotations:write');
  const query = parseQueryOrBadRequest(listAnnotationsQuerySchema, request);
  return jsonResponse({ annotations: await listAnnotations(await getDatabase(), caller, query) });
});

/** Annotates a session, week or metric of a consultant the caller sees named (a consultant: themselves). */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'annotations:write');
  const input = await readJsonBody(request, createAnnotationRequestSchema, {
    expected: '{ consultantId, sessionDate?, sessionPeriod?, weekStart?, metricId?, text, visibility? }',
    invalid: 'The note could not be added',
    fields: ANNOTATION_FIELDS,
  });
  return jsonResponse(await createAnnotation(await getDatabase(), caller, input), { status: 201 });
});
