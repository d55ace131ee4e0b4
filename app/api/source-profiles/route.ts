import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError, parseOrBadRequest } from '@/lib/server/api/errors';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { createSourceProfile, listSourceProfiles } from '@/lib/server/dal/source-profiles';
import { createSourceProfileRequestSchema, importKindSchema } from '@/lib/shared/schemas/imports';

/** Saved column mappings, all or of one kind (`?kind=clinic-sessions`). */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'imports:manage');
  const kindParam = new URL(request.url).searchParams.get('kind');
  const kind =
    kindParam === null ? undefined : parseOrBadRequest(importKindSchema, kindParam, 'Unknown kind.');
  return jsonResponse({ profiles: await listSourceProfiles(caller.scope, kind) });
});

/** Saves a named column mapping for a kind: 201, or 409 when the name is taken for that kind. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'imports:manage');
  const body = await request.json().catch(() => {
    throw AppError.badRequest('The body must be JSON: { kind, name, mapping }.');
  });
  const input = parseOrBadRequest(createSourceProfileRequestSchema, body, 'The mapping is not valid.');
  return jsonResponse(await createSourceProfile(caller.scope, input), { status: 201 });
});
