import 'server-only';
import { cache } from 'react';
import { getDatabase } from '@/lib/server/db';
import { getConsultantUnits } from '@/lib/server/metrics/units';
import type { Scope } from '@/lib/shared/scope';
import type { DivisionOption } from './dashboard-filter';

/**
 * The divisions whose totals the caller may see (a director: their own; an executive: all), by name: the division
 * filter's options. Read from the consultants in scope at division level, so that scope is applied in the query.
 */
export const loadDivisionOptions = cache(async (scope: Scope): Promise<DivisionOption[]> => {
  const units = await getConsultantUnits(await getDatabase(), scope, 'division');
  const divisions = new Map<number, string>();
  for (const unit of units) divisions.set(unit.divisionId, unit.divisionName);
  return [...divisions]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
});
