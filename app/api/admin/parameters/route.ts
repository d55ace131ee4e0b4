import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { getTrustParameters, updateTrustParameters } from '@/lib/server/dal/trust-parameters';
import { updateTrustParametersRequestSchema } from '@/lib/shared/schemas/admin';

/** The trust parameters in force. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'parameters:manage');
  return jsonResponse(await getTrustParameters(caller));
});

/**
 * Replaces the trust parameters (every one, validated against its range). A changed notice threshold rebuilds
 * the ledger before the answer (`ledgerRebuild`).
 */
export const PUT = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'parameters:manage');
  const input = await readJsonBody(request, updateTrustParametersRequestSchema, {
    expected: 'every trust parameter, e.g. { "noticeThresholdDays": 42, "fulfilmentTarget": 0.95, … }',
    invalid: 'The parameters are not valid',
  });
  return jsonResponse(await updateTrustParameters(caller, input));
});
