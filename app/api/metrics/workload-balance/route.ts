import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import { workloadBalanceQuerySchema } from '../extra-query-schemas';
import { parseQueryOrBadRequest } from '../parse-query';

/** Sustained over- and under-delivery flags per consultant, optionally within one unit. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const query = parseQueryOrBadRequest(workloadBalanceQuerySchema, request);
  const balance = await getWorkloadBalance(await getDatabase(), caller.scope, query);
  await recordNamedViews(
    caller,
    balance.consultants.map((consultant) => consultant.consultantId),
    { view: 'workload-balance', from: query.period.from, to: query.period.to, activity: query.activity },
  );
  return jsonResponse(balance);
});
