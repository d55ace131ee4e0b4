import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { deleteAnnotation, updateAnnotation } from '@/lib/server/reviews/annotations';
import { ANNOTATION_FIELDS } from '@/lib/shared/schemas/review-fields';
import { updateAnnotationRequestSchema } from '@/lib/shared/schemas/reviews';

type Context = { params: Promise<{ annotationId: string }> };

/** Changes the text or visibility of the caller's own annotation. */
export const PATCH = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'annotations:write');
  const id = parseIdParam((await params).annotationId, 'annotation');
  const input = await readJsonBody(request, updateAnnotationRequestSchema, {
    expected: '{ text?, visibility? }',
    invalid: 'The note could not be changed',
    fields: ANNOTATION_FIELDS,
  });
  return jsonResponse(await updateAnnotation(await getDatabase(), caller, id, input));
});

/** Deletes the caller's own annotation. */
export const DELETE = withErrorHandling(async (request: Request, { params }: Context) => {
  const caller = await authenticateRequest(request, 'annotations:write');
  const id = parseIdParam((await params).annotationId, 'annotation');
  await deleteAnnotation(await getDatabase(), caller, id);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
