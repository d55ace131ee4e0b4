import { authenticateRequest } from '@/lib/server/api/caller';
import { buildIssuesCsv, csvDownload } from '@/lib/server/api/csv';
import { AppError } from '@/lib/server/api/errors';
import { parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { listImportIssues } from '@/lib/server/dal/import-batches';

/** An import's errors and warnings as a CSV download (row, column, value, severity, message). */
export const GET = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const caller = await authenticateRequest(request, 'imports:manage');
    const { id } = await params;
    const found = await listImportIssues(caller.scope, parseIdParam(id, 'import'));
    if (!found) throw AppError.notFound(`No import ${id}.`);
    return csvDownload(buildIssuesCsv(found.issues), `import-${found.batch.id}-issues.csv`);
  },
);
