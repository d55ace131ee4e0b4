import { authenticateRequest } from '@/lib/server/api/caller';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { CHART_RULES } from '@/lib/shared/chart-rules';
import { LEDGER_RULES, METRICS } from '@/lib/shared/metrics';

/** The metric registry, the ledger's rules and how the charts are read, with the caller's trust's parameters in force and ledger dates. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'metrics:view');
  const { parameters, coverage } = await getMetricContext(await getDatabase(), caller.organisationId);
  return jsonResponse({
    metrics: METRICS,
    ledgerRules: LEDGER_RULES,
    chartRules: CHART_RULES,
    parameters,
    coverage,
  });
});
