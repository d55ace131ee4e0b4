import type { Role } from '@/lib/shared/permissions';
import { type Grant, NO_GRANT, type Scope, unionGrants } from '@/lib/shared/scope';
import type { Database } from '../db';
import { queryRows } from '../metrics/query';

/** One live role assignment, with the specialty of the consultant record it names (for the consultant role). */
export interface Assignment {
  role: Role;
  divisionId: number | null;
  specialtyId: number | null;
  consultantId: number | null;
  consultantSpecialtyId: number | null;
}

const only = (ids: { divisionIds?: number[]; specialtyIds?: number[]; consultantIds?: number[] }): Grant => ({
  divisionIds: ids.divisionIds ?? [],
  specialtyIds: ids.specialtyIds ?? [],
  consultantIds: ids.consultantIds ?? [],
});

/** What one assignment grants (PRODUCT.md, "Users and what each needs"). */
export function grantsOf(assignment: Assignment): Pick<Scope, 'named' | 'anonymised' | 'aggregates'> {
  const ids = (value: number | null) => (value === null ? [] : [value]);
  switch (assignment.role) {
    case 'admin':
    case 'executive':
      return { named: 'all', anonymised: NO_GRANT, aggregates: 'all' };
    case 'divisional_director':
      // Their division(s), named; totals of its specialties and of the division.
      return {
        named: only({ divisionIds: ids(assignment.divisionId) }),
        anonymised: NO_GRANT,
        aggregates: only({ divisionIds: ids(assignment.divisionId) }),
      };
    case 'clinical_lead':
      // Their specialty, named; every other specialty only as totals.
      return {
        named: only({ specialtyIds: ids(assignment.specialtyId) }),
        anonymised: NO_GRANT,
        aggregates: 'all',
      };
    case 'consultant':
      // Themselves, named; their specialty's other consultants anonymised; their specialty's total.
      return {
        named: only({ consultantIds: ids(assignment.consultantId) }),
        anonymised: only({ specialtyIds: ids(assignment.consultantSpecialtyId) }),
        aggregates: only({ specialtyIds: ids(assignment.consultantSpecialtyId) }),
      };
  }
}

/** The scope of a person holding these assignments: the union of what each grants. */
export function scopeOf(organisationId: number, userId: number, assignments: readonly Assignment[]): Scope {
  let named: Grant = NO_GRANT;
  let anonymised: Grant = NO_GRANT;
  let aggregates: Grant = NO_GRANT;
  for (const assignment of assignments) {
    const grants = grantsOf(assignment);
    named = unionGrants(named, grants.named);
    anonymised = unionGrants(anonymised, grants.anonymised);
    aggregates = unionGrants(aggregates, grants.aggregates);
  }
  const consultantIds = assignments.flatMap((assignment) =>
    assignment.role === 'consultant' && assignment.consultantId !== null ? [assignment.consultantId] : [],
  );
  return { organisationId, named, anonymised, aggregates, viewer: { userId, consultantIds } };
}

/** A user's live (not revoked) role assignments. */
export async function getAssignments(
  database: Database,
  organisationId: number,
  userId: number,
): Promise<Assignment[]> {
  return queryRows<Assignment>(
    database,
    `SELECT r.role::text AS role, r.division_id AS "divisionId", r.specialty_id AS "specialtyId",
            r.consultant_id AS "consultantId", c.specialty_id AS "consultantSpecialtyId"
       FROM role_assignments r
       LEFT JOIN consultants c ON c.organisation_id = r.organisation_id AND c.id = r.consultant_id
      WHERE r.organisation_id = $1 AND r.user_id = $2 AND r.revoked_at IS NULL
      ORDER BY r.id`,
    [organisationId, userId],
  );
}

/** Resolves a user's scope from their live role assignments (one query). */
export async function resolveUserScope(
  database: Database,
  organisationId: number,
  userId: number,
): Promise<Scope> {
  return scopeOf(organisationId, userId, await getAssignments(database, organisationId, userId));
}
