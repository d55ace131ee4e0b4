import { formatDateTime } from '@/components/format';
import { ROLE_LABELS, type Role } from '@/lib/shared/permissions';
import type { AuditActor, RoleScope } from '@/lib/shared/schemas/admin';

/** Display words for the admin pages. */

/** An instant as dd/mm/yyyy HH:mm in Europe/London. */
export function formatAdminTime(value: string | Date): string {
  return formatDateTime(value).replace(', ', ' ');
}

/** What each role is for, under its name in the role picker. */
export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Everything: imports, users, API tokens, parameters and the audit log. Sees every consultant named.',
  executive: 'The whole trust, every consultant named.',
  divisional_director: 'One division, its consultants named.',
  clinical_lead: 'One specialty, its consultants named; other specialties only as totals.',
  consultant: 'Their own data named; peers in their specialty anonymised.',
};

/** A role with what it covers: "Clinical lead / service manager — Ophthalmology". */
export function describeRole(role: Role, scope: RoleScope): string {
  const label = ROLE_LABELS[role];
  switch (scope.kind) {
    case 'trust':
      return label;
    case 'division':
      return `${label} — ${scope.name} division`;
    case 'specialty':
      return `${label} — ${scope.name}`;
    case 'consultant':
      return `${label} — ${scope.name}${scope.gmcNumber ? ` (GMC ${scope.gmcNumber})` : ''}`;
  }
}

const ACTION_LABELS: Record<string, string> = {
  'sign_in.success': 'Signed in',
  'sign_in.failure': 'Sign-in refused',
  'sign_in.locked': 'Account locked after failed sign-ins',
  sign_out: 'Signed out',
  'user.created': 'User created',
  'user.updated': 'User renamed',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'user.password_reset': 'Password reset',
  'role.assigned': 'Role assigned',
  'role.revoked': 'Role revoked',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'parameters.updated': 'Trust parameters changed',
  'metric_target.set': 'Metric target set',
  'metric_target.removed': 'Metric target removed',
  'audit.exported': 'Audit log exported',
  'consultant.viewed': 'Named consultant data viewed',
  'import.committed': 'Extract imported',
  'import.rejected': 'Extract rejected',
  'import.dry-run': 'Extract checked (dry run)',
  'import.unchanged': 'Extract unchanged (already imported)',
  'table.exported': 'Table downloaded',
  'review.started': 'Review meeting started',
  'review.closed': 'Review meeting closed',
  'review.exported': 'Meeting pack exported',
  'annotation.created': 'Note added',
  'annotation.updated': 'Note changed',
  'annotation.deleted': 'Note deleted',
  'challenge.raised': 'Challenge raised',
  'challenge.accepted': 'Challenge accepted',
  'challenge.explained': 'Challenge explained',
  'action.created': 'Action created',
  'action.updated': 'Action changed',
};

/** A readable name for an audit action; unknown actions read as themselves. */
export function describeAction(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const ENTITY_LABELS: Record<string, string> = {
  user: 'User',
  api_token: 'API token',
  trust_parameters: 'Trust parameters',
  audit_log: 'Audit log',
  consultant: 'Consultant',
  import_batch: 'Import',
};

export function describeEntityType(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

/** What an event was about: "User 12", "API token 3"; the trust's parameters have no number worth showing. */
export function describeEntity(entityType: string, entityId: string | null): string {
  const label = describeEntityType(entityType);
  return entityId && entityType !== 'trust_parameters' ? `${label} ${entityId}` : label;
}

/** Who did it, in words. */
export function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case 'user':
      return actor.name ?? `User ${actor.id} (not found)`;
    case 'token':
      return `API token “${actor.name ?? actor.id}”`;
    case 'none':
      return 'No known user';
  }
}
