import { summariseJobPlanCurrency } from '@/lib/client/metrics-requests';
import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { jobPlanCurrencyQuerySchema } from '../extra-query-schemas';
import { parseQueryOrBadRequest } from '../parse-query';

/**
 * Job plan currency on `as_of` for the consultants the caller may see named, optionally within one unit: counts per
 * status and the share current (the overview's summary; no consultant is listed).
 */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(jobPlanCurrencyQuerySchema, request);
  return jsonResponse(
    summariseJobPlanCurrency(await getJobPlanCurrency(await getDatabase(), caller.scope, query)),
  );
});
