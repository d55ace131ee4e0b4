import { type HealthResponse, healthResponseSchema } from '@/lib/shared/schemas/health';
import { getJson, type RequestOptions } from './http';

/** GET /api/health. A 503 still carries a health report (database unreachable, migrations pending). */
export function fetchHealth(options: RequestOptions = {}): Promise<HealthResponse> {
  return getJson('/api/health', healthResponseSchema, { ...options, acceptStatuses: [503] });
}
