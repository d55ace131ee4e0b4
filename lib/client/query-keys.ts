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
