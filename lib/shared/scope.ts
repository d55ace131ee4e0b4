/**
 * What a caller may see. Every data-access and metric function takes one and applies it inside the query.
 * The access-control issue (#5) will resolve scopes from the signed-in user's role assignments; until then the
 * app runs with a trust-wide scope.
 */
export interface Scope {
  organisationId: number;
  /** Visible divisions, or 'all'. */
  divisionIds: number[] | 'all';
  /** Visible specialties (named), or 'all'. */
  specialtyIds: number[] | 'all';
}

/** A scope that sees the whole organisation (admins, executives, and the CLI). */
export function trustWideScope(organisationId: number): Scope {
  return { organisationId, divisionIds: 'all', specialtyIds: 'all' };
}
