import type { AuditEventQuery } from '@/lib/shared/schemas/admin';

/**
 * Query key factories, one object per resource. Keys are hierarchical so that `invalidateQueries` on a prefix
 * (e.g. `healthKeys.all`) refreshes everything below it.
 */
export const healthKeys = {
  all: ['health'] as const,
  status: () => [...healthKeys.all, 'status'] as const,
};

export const importKeys = {
  all: ['imports'] as const,
  history: () => [...importKeys.all, 'history'] as const,
};

export const sourceProfileKeys = {
  all: ['source-profiles'] as const,
  list: (kind: string) => [...sourceProfileKeys.all, 'list', kind] as const,
};

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: () => [...adminKeys.users(), 'list'] as const,
  user: (userId: number) => [...adminKeys.users(), 'detail', userId] as const,
  apiTokens: () => [...adminKeys.all, 'api-tokens'] as const,
  parameters: () => [...adminKeys.all, 'parameters'] as const,
  auditEvents: () => [...adminKeys.all, 'audit-events'] as const,
  auditEventPage: (query: AuditEventQuery) => [...adminKeys.auditEvents(), query] as const,
};

/** Metrics (GET /api/metrics/*): each request object is part of its key, so another filter is another entry. */
export const metricsKeys = {
  all: ['metrics'] as const,
  report: (request: object) => [...metricsKeys.all, 'report', request] as const,
  series: (request: object) => [...metricsKeys.all, 'series', request] as const,
  jobPlanCurrency: (request: object) => [...metricsKeys.all, 'job-plan-currency', request] as const,
  workloadBalance: (request: object) => [...metricsKeys.all, 'workload-balance', request] as const,
};
