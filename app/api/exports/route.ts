import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { withErrorHandling } from '@/lib/server/api/route';
import { recordTableExport } from '@/lib/server/audit/table-exports';
import { tableExportRecordSchema } from '@/lib/shared/schemas/exports';

/**
 * Records a table download in the audit log: the tables' files are made in the browser, so the browser reports
 * each one here (anyone who may view metrics, for their own downloads only).
 */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const record = await readJsonBody(request, tableExportRecordSchema, {
    expected: '{ fileName, format: "csv" | "xlsx", rows, pagePath }',
    invalid: 'The export record is not valid',
  });
  await recordTableExport(caller, record);
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
