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
