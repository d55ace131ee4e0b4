import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { reportQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../parse-query';

/** Metrics for every unit at one level over a period, optionally within one unit (`within_level`, `within_id`). */
export const GET = withErrorHandling(async (request: Request) => {
  // TODO(#5): require the permission to view metrics and narrow the scope to the caller's role; until sign-in
  // arrives, the caller acts trust-wide (caller.ts).
  const caller = await authenticateRequest(request);
  const query = parseQueryOrBadRequest(reportQuerySchema, request);
  return jsonResponse(await getUnitReport(await getDatabase(), caller.scope, query));
});
