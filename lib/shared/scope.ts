/**
 * What a caller may see, resolved once per request from their role assignments (lib/server/auth/scope.ts) and
 * applied by every data-access and metric function inside its query: out-of-scope rows are never read.
 *
 * Three grants, each "everything" or a set of divisions, specialties and consultants:
 * - `named`: consultants whose data may be shown with their names;
 * - `anonymised`: consultants who may be shown only under a pseudonym (a consultant's specialty peers);
 * - `aggregates`: units (specialties, divisions) whose totals may be shown. The trust's total is always visible.
 */
export type Grant =
  | 'all'
  | {
      divisionIds: readonly number[];
      specialtyIds: readonly number[];
      consultantIds: readonly number[];
    };

export interface Scope {
  organisationId: number;
  named: Grant;
  anonymised: Grant;
  aggregates: Grant;
  /** Who is looking: pseudonyms are stable for this viewer. */
  viewer?: { userId: number; consultantIds: readonly number[] };
}

export const NO_GRANT: Grant = { divisionIds: [], specialtyIds: [], consultantIds: [] };

/** A scope that sees the whole organisation, named (admins, executives, the CLI, API tokens for imports). */
export function trustWideScope(organisationId: number): Scope {
  return { organisationId, named: 'all', anonymised: NO_GRANT, aggregates: 'all' };
}

/** The union of two grants. */
export function unionGrants(a: Grant, b: Grant): Grant {
  if (a === 'all' || b === 'all') return 'all';
  const merge = (x: readonly number[], y: readonly number[]) =>
    [...new Set([...x, ...y])].sort((p, q) => p - q);
  return {
    divisionIds: merge(a.divisionIds, b.divisionIds),
    specialtyIds: merge(a.specialtyIds, b.specialtyIds),
    consultantIds: merge(a.consultantIds, b.consultantIds),
  };
}

export function isEmptyGrant(grant: Grant): boolean {
  return (
    grant !== 'all' &&
    grant.divisionIds.length === 0 &&
    grant.specialtyIds.length === 0 &&
    grant.consultantIds.length === 0
  );
}

/** Whether a consultant (with their specialty and division) falls inside a grant. */
export function grantCovers(
  grant: Grant,
  consultant: { id: number; specialtyId: number; divisionId: number },
): boolean {
  if (grant === 'all') return true;
  return (
    grant.consultantIds.includes(consultant.id) ||
    grant.specialtyIds.includes(consultant.specialtyId) ||
    grant.divisionIds.includes(consultant.divisionId)
  );
}
