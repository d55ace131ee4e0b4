import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { listAuditEvents } from '@/lib/server/dal/audit-events';
import { auditEventQuerySchema } from '@/lib/shared/schemas/admin';
import { parseQueryOrBadRequest } from '../../metrics/parse-query';

/**
 * One page of the audit log, newest first: `from`, `to` (dates, Europe/London, inclusive), `action`,
 * `actorUserId`, `entityType`, `page`, `pageSize`.
 */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'audit:view');
  const query = parseQueryOrBadRequest(auditEventQuerySchema, request);
  return jsonResponse(await listAuditEvents(caller, query));
});
