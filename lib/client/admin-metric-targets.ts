import { ApiError, ApiValidationError, toApiError } from '@/lib/client/api-client';
import {
  type MetricTargetListResponse,
  type MetricTargetSummary,
  metricTargetListResponseSchema,
  metricTargetSchema,
  type SetMetricTargetRequest,
} from '@/lib/shared/schemas/admin';
import { apiErrorResponseSchema } from '@/lib/shared/schemas/api-error';
import { adminKeys } from './query-keys';

/** Query key of the metric targets list (under the admin keys, so admin-wide invalidation covers it). */
export const metricTargetsKey = () => [...adminKeys.all, 'metric-targets'] as const;

/** GET /api/admin/metric-targets: the trust's metric targets and its specialties. */
export async function fetchAdminMetricTargets({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<MetricTargetListResponse> {
  const response = await fetch('/api/admin/metric-targets', {
    signal,
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
  return metricTargetListResponseSchema.parse(await response.json());
}

/** POST /api/admin/metric-targets: sets a target; a refusal keeps its field issues for the form. */
export async function setAdminMetricTarget(input: SetMetricTargetRequest): Promise<MetricTargetSummary> {
  const response = await fetch('/api/admin/metric-targets', {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) {
    const parsed = apiErrorResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      throw new ApiError(response.status, 'http_error', `Request failed with status ${response.status}`);
    }
    const { code, message, issues } = parsed.data.error;
    throw new ApiValidationError(response.status, code, message, issues ?? []);
  }
  return metricTargetSchema.parse(await response.json());
}

/** DELETE /api/admin/metric-targets/:targetId. */
export async function removeAdminMetricTarget(targetId: number): Promise<void> {
  const response = await fetch(`/api/admin/metric-targets/${encodeURIComponent(String(targetId))}`, {
    method: 'DELETE',
    headers: { Accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
}
