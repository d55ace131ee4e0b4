/**
 * Query key factories, one object per resource. Keys are hierarchical so that `invalidateQueries` on a prefix
 * (e.g. `healthKeys.all`) refreshes everything below it.
 */
export const healthKeys = {
  all: ['health'] as const,
  status: () => [...healthKeys.all, 'status'] as const,
};
