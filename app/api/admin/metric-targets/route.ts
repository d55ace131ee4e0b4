import { authenticateRequest } from '@/lib/server/api/caller';
import { readJsonBody } from '@/lib/server/api/read-json-body';
import { jsonResponse, withErrorHandling } from '@/lib/server/api/route';
import { listMetricTargets, setMetricTarget } from '@/lib/server/dal/metric-targets';
import { setMetricTargetRequestSchema } from '@/lib/shared/schemas/admin';

/** The trust's metric targets, with its specialties. */
export const GET = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'parameters:manage');
  return jsonResponse(await listMetricTargets(caller));
});

/** Sets a metric target for a specialty (or all) and activity (or both), replacing the one there was. */
export const POST = withErrorHandling(async (request: Request) => {
  const caller = await authenticateRequest(request, 'parameters:manage');
  const input = await readJsonBody(request, setMetricTargetRequestSchema, {
    expected:
      '{ "metricId": "casesPerSession", "specialtyId": 12 or null, "activityCategory": "list" or null, "value": 10, "source": "GIRFT", "sourceUrl": null }',
    invalid: 'The target is not valid',
  });
  return jsonResponse(await setMetricTarget(caller, input), { status: 201 });
});
