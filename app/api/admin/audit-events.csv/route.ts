import { authenticateRequest } from '@/lib/server/api/caller';
import { withErrorHandling } from '@/lib/server/api/route';
import { exportAuditEvents } from '@/lib/server/dal/audit-events';
import { auditEventFilterSchema } from '@/lib/shared/schemas/admin';
import { parseQueryOrBadRequest } from '../../metrics/parse-query';

/**
 * The audit log as a CSV download, with the same filters as the page (all matching events, newest first). Cells
 * that a spreadsheet would run as a formula are defused; the export is itself recorded ('audit.exported').
 */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'audit:view');
  const filter = parseQueryOrBadRequest(auditEventFilterSchema, request);
  const { stream } = await exportAuditEvents(caller, filter);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
