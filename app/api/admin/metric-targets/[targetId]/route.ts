import { authenticateRequest } from '@/lib/server/api/caller';
import { parseIdParam, withErrorHandling } from '@/lib/server/api/route';
import { removeMetricTarget } from '@/lib/server/dal/metric-targets';

/** Removes a metric target: the metric falls back to a broader target or its default. */
export const DELETE = withErrorHandling(
  async (request: Request, { params }: { params: Promise<{ targetId: string }> }) => {
    const caller = await authenticateRequest(request, 'parameters:manage');
    const { targetId } = await params;
    await removeMetricTarget(caller, parseIdParam(targetId, 'metric target'));
    return new Response(null, { status: 204 });
  },
);
