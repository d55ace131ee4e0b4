import type { Grant, Scope } from '@/lib/shared/scope';
import type { SqlParams } from './query';

export type UnitLevel = 'consultant' | 'specialty' | 'division' | 'trust';

/** One unit to narrow a query to, by its internal id (the organisation itself for the trust). */
export interface UnitFilter {
  level: UnitLevel;
  id: number;
}

/** The condition on `consultants c` for a grant: everyone, nobody, or those in its divisions, specialties or ids. */
export function grantCondition(grant: Grant, params: SqlParams): string {
  if (grant === 'all') return 'TRUE';
  const parts: string[] = [];
  if (grant.consultantIds.length > 0) parts.push(`c.id = ANY(${params.add(grant.consultantIds, 'int[]')})`);
  if (grant.specialtyIds.length > 0)
    parts.push(`c.specialty_id = ANY(${params.add(grant.specialtyIds, 'int[]')})`);
  if (grant.divisionIds.length > 0)
    parts.push(`c.division_id = ANY(${params.add(grant.divisionIds, 'int[]')})`);
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

/** Conditions joined with OR, leaving out those that are FALSE (which bind no parameters): a caller who sees
 * everyone gets `TRUE` at every level, so that a dashboard's reports at two levels send identical SQL. */
function anyOf(conditions: readonly string[]): string {
  const parts = conditions.filter((condition) => condition !== 'FALSE');
  if (parts.length === 0) return 'FALSE';
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

/** Whether the caller may see a unit's totals at a level: a condition on the unit's consultants `c`. */
function aggregateCondition(scope: Scope, level: UnitLevel, params: SqlParams): string {
  const grant = scope.aggregates;
  if (level === 'trust' || grant === 'all') return 'TRUE';
  if (level === 'division') {
    return grant.divisionIds.length > 0
      ? `c.division_id = ANY(${params.add(grant.divisionIds, 'int[]')})`
      : 'FALSE';
  }
  return grantCondition(
    { divisionIds: grant.divisionIds, specialtyIds: grant.specialtyIds, consultantIds: [] },
    params,
  );
}

/**
 * The WHERE condition on `consultants c` for a query at `level`, applied inside the query so that out-of-scope
 * rows are never read: at consultant level, the consultants the caller may see named or anonymised; at a unit
 * level, every consultant of the units whose totals the caller may see (a total counts everyone in the unit).
 * Optionally narrowed to one unit.
 */
export function consultantScopeCondition(
  scope: Scope,
  params: SqlParams,
  level: UnitLevel,
  unit?: UnitFilter,
): string {
  const conditions = [`c.organisation_id = ${params.add(scope.organisationId, 'int')}`];
  conditions.push(
    level === 'consultant'
      ? anyOf([grantCondition(scope.named, params), grantCondition(scope.anonymised, params)])
      : aggregateCondition(scope, level, params),
  );
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

/** Consultants the caller may see named (optionally one unit): per-person detail such as the ledger itself. */
export function namedConsultantCondition(scope: Scope, params: SqlParams, unit?: UnitFilter): string {
  const conditions = [
    `c.organisation_id = ${params.add(scope.organisationId, 'int')}`,
    grantCondition(scope.named, params),
  ];
  if (unit && unit.level !== 'trust') {
    const column = { consultant: 'c.id', specialty: 'c.specialty_id', division: 'c.division_id' }[unit.level];
    conditions.push(`${column} = ${params.add(unit.id, 'int')}`);
  }
  return conditions.join(' AND ');
}
