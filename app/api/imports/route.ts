import { authenticateRequest } from '@/lib/server/api/caller';
import { respondWithImport } from '@/lib/server/api/import-upload';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getImportHistory } from '@/lib/server/dal/import-batches';

/** The import history: recent batches, newest first, and data freshness per kind. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'imports:manage');
  return jsonResponse(await getImportHistory(caller.scope));
});

/** Imports one extract (multipart: kind, [dryRun], [mapping], [sourceProfileId], then file). */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'imports:manage');
  return respondWithImport(request, caller);
});
