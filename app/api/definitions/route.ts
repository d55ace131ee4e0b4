import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { LEDGER_RULES, METRICS } from '@/lib/shared/metrics';

/** The metric registry and the ledger's rules, with the caller's trust's parameters in force and ledger dates. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const { parameters, coverage } = await getMetricContext(await getDatabase(), caller.organisationId);
  return jsonResponse({ metrics: METRICS, ledgerRules: LEDGER_RULES, parameters, coverage });
});
