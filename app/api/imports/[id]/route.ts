import { authenticateRequest } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { jsonResponse, parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { getImportBatch } from '@/lib/server/dal/import-batches';

/** One import batch of the caller's organisation: status, counts, errors and warnings. */
export const GET = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const caller = await authenticateRequest(request, 'imports:manage');
    const { id } = await params;
    const batch = await getImportBatch(caller.scope, parseIdParam(id, 'import'));
    if (!batch) throw AppError.notFound(`No import ${id}.`);
    return jsonResponse(batch);
  },
);
