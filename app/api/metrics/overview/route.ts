import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getTrustOverview } from '@/lib/server/metrics/views';
import { viewQuerySchema } from '@/lib/shared/schemas/metrics';
import { parseQueryOrBadRequest } from '../parse-query';

/** The trust (the caller's part of it): headline metrics, every specialty and the monthly series. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(viewQuerySchema, request);
  return jsonResponse(await getTrustOverview(await getDatabase(), caller.scope, query));
});
