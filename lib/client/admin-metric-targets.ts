import {
  type MetricTargetListResponse,
  type MetricTargetSummary,
  metricTargetListResponseSchema,
  metricTargetSchema,
  type SetMetricTargetRequest,
} from '@/lib/shared/schemas/admin';
import { getJson, type RequestOptions, sendJson, toApiError } from './http';
import { adminKeys } from './query-keys';

/** Query key of the metric targets list (under the admin keys, so admin-wide invalidation covers it). */
export const metricTargetsKey = () => [...adminKeys.all, 'metric-targets'] as const;

/** GET /api/admin/metric-targets: the trust's metric targets and its specialties. */
export function fetchAdminMetricTargets(options: RequestOptions = {}): Promise<MetricTargetListResponse> {
  return getJson('/api/admin/metric-targets', metricTargetListResponseSchema, options);
}

/** POST /api/admin/metric-targets: sets a target; a refusal keeps its field issues for the form. */
export function setAdminMetricTarget(input: SetMetricTargetRequest): Promise<MetricTargetSummary> {
  return sendJson('POST', '/api/admin/metric-targets', input, metricTargetSchema);
}

/** DELETE /api/admin/metric-targets/:targetId. */
export async function removeAdminMetricTarget(targetId: number): Promise<void> {
  const response = await fetch(`/api/admin/metric-targets/${encodeURIComponent(String(targetId))}`, {
    method: 'DELETE',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
}
