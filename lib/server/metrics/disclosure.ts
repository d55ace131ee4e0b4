import type { Scope } from '@/lib/shared/scope';
import { getAnonymisationKey, pseudonymFor } from '../auth/pseudonyms';
import type { Database } from '../db';
import type { UnitLevel } from './scope-sql';
import type { ConsultantUnit } from './units';

/**
 * Below this many consultants a total or an anonymised list can reveal a person (a specialty of two: its total less
 * your own is your colleague), so it is withheld from anyone who may not see all of them named.
 */
export const MIN_GROUP_SIZE = 3;

/** How one consultant appears to the caller. */
export interface ConsultantIdentity {
  /** Null for an anonymised consultant: no id, GMC number or name leaves the server. */
  id: number | null;
  key: string;
  name: string;
  isAnonymised: boolean;
}

/** What of the units and consultants read for a query may be shown to the caller. */
export interface Disclosure {
  /** Whether a unit's figures may be shown (at the query's level). */
  isUnitShown(unitId: number): boolean;
  /** The identity to show for a consultant (consultant-level queries), or null if they must not appear at all. */
  identityOf(consultant: ConsultantUnit): ConsultantIdentity | null;
}

export function unitIdOf(level: UnitLevel, consultant: ConsultantUnit): number {
  switch (level) {
    case 'consultant':
      return consultant.id;
    case 'specialty':
      return consultant.specialtyId;
    case 'division':
      return consultant.divisionId;
    case 'trust':
      return consultant.organisationId;
  }
}

/**
 * The disclosure rules for one query: named consultants as themselves; anonymised ones under the caller's stable
 * pseudonym, and only within specialties of at least MIN_GROUP_SIZE; a unit's totals only if the caller may see
 * everyone in it named or it has at least MIN_GROUP_SIZE consultants. The trust total is always shown.
 */
export async function planDisclosure(
  database: Database,
  scope: Scope,
  level: UnitLevel,
  consultants: readonly ConsultantUnit[],
): Promise<Disclosure> {
  const sizeOf = new Map<number, number>();
  const allNamed = new Map<number, boolean>();
  const specialtySize = new Map<number, number>();
  for (const consultant of consultants) {
    const unitId = unitIdOf(level, consultant);
    sizeOf.set(unitId, (sizeOf.get(unitId) ?? 0) + 1);
    allNamed.set(unitId, (allNamed.get(unitId) ?? true) && consultant.isNamed);
    specialtySize.set(consultant.specialtyId, (specialtySize.get(consultant.specialtyId) ?? 0) + 1);
  }
  const needsKey = level === 'consultant' && consultants.some((consultant) => !consultant.isNamed);
  const key = needsKey ? await getAnonymisationKey(database, scope.organisationId) : '';
  const viewer = scope.viewer?.userId ?? 0;
  return {
    isUnitShown(unitId) {
      if (level === 'trust' || level === 'consultant') return true;
      return (allNamed.get(unitId) ?? false) || (sizeOf.get(unitId) ?? 0) >= MIN_GROUP_SIZE;
    },
    identityOf(consultant) {
      if (consultant.isNamed) {
        return { id: consultant.id, key: consultant.gmcNumber, name: consultant.name, isAnonymised: false };
      }
      if ((specialtySize.get(consultant.specialtyId) ?? 0) < MIN_GROUP_SIZE) return null;
      const label = pseudonymFor(key, viewer, consultant.id);
      return { id: null, key: label, name: label, isAnonymised: true };
    },
  };
}
