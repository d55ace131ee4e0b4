import type { Scope } from '@/lib/shared/scope';
import type { SqlParams } from './query';

export type UnitLevel = 'consultant' | 'specialty' | 'division' | 'trust';

/** One unit to narrow a query to, by its internal id (the organisation itself for the trust). */
export interface UnitFilter {
  level: UnitLevel;
  id: number;
}

/**
 * The WHERE condition on `consultants c` that keeps what the caller may see (and, optionally, one unit): the
 * scope is applied inside the query, so out-of-scope rows are never read.
 */
export function consultantScopeCondition(scope: Scope, params: SqlParams, unit?: UnitFilter): string {
  const conditions = [`c.organisation_id = ${params.add(scope.organisationId, 'int')}`];
  if (scope.divisionIds !== 'all')
    conditions.push(`c.division_id = ANY(${params.add(scope.divisionIds, 'int[]')})`);
  if (scope.specialtyIds !== 'all') {
    conditions.push(`c.specialty_id = ANY(${params.add(scope.specialtyIds, 'int[]')})`);
  }
  if (unit && unit.level !== 'trust') {
    const column = { consultant: 'c.id', specialty: 'c.specialty_id', division: 'c.division_id' }[unit.level];
    conditions.push(`${column} = ${params.add(unit.id, 'int')}`);
  }
  return conditions.join(' AND ');
}

/** The column of `consultants c` that identifies a unit at each level. */
export const UNIT_ID_COLUMN: Record<UnitLevel, string> = {
  consultant: 'c.id',
  specialty: 'c.specialty_id',
  division: 'c.division_id',
  trust: 'c.organisation_id',
};
