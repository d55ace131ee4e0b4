/**
 * What each role may do, in one table (STYLE.md: authorise by permission, never by role name). What each role may
 * *see* is its scope (lib/shared/scope.ts, resolved in lib/server/auth/scope.ts).
 */
export const ROLES = ['admin', 'executive', 'divisional_director', 'clinical_lead', 'consultant'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See dashboards and metrics (within scope). */
  'metrics:view',
  /** See data-quality faults across the trust (unknown consultants belong to no specialty). */
  'data-quality:view',
  /** Import extracts and manage column mappings. */
  'imports:manage',
  /** Manage users, role assignments and passwords. */
  'users:manage',
  /** Set the trust parameters and targets. */
  'parameters:manage',
  /** Create and revoke API tokens for automated imports. */
  'api-tokens:manage',
  /** Read and export the audit log. */
  'audit:view',
  /** Start and close review meetings of the units they see named; see the "for review" and escalation lists. */
  'reviews:run',
  /** Annotate sessions, weeks and metrics of consultants they see named (a consultant: their own). */
  'annotations:write',
  /** Challenge a data point of a consultant they see named as wrong (it goes to the admins' queue). */
  'challenges:raise',
  /** Work the challenges queue: accept with a correction, or explain. */
  'challenges:resolve',
  /** Create and update actions for units they see named, and update actions they own. */
  'actions:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  admin: [...PERMISSIONS],
  executive: ['metrics:view'],
  divisional_director: [
    'metrics:view',
    'reviews:run',
    'annotations:write',
    'challenges:raise',
    'actions:write',
  ],
  clinical_lead: ['metrics:view', 'reviews:run', 'annotations:write', 'challenges:raise', 'actions:write'],
  consultant: ['metrics:view', 'annotations:write', 'challenges:raise', 'actions:write'],
} as const satisfies Record<Role, readonly Permission[]>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  executive: 'Executive',
  divisional_director: 'Divisional director',
  clinical_lead: 'Clinical lead / service manager',
  consultant: 'Consultant',
};

/** The permissions of several role assignments together. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
