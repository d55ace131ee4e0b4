import type { Permission } from '@/lib/shared/permissions';

/** A section of the Admin area and the permission its page needs. */
export interface AdminSection {
  href: string;
  title: string;
  description: string;
  permission: Permission;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    href: '/admin/users',
    title: 'Users',
    description:
      'Create users, give and revoke roles (with the division, specialty or consultant each covers), reset passwords, deactivate accounts.',
    permission: 'users:manage',
  },
  {
    href: '/admin/api-tokens',
    title: 'API tokens',
    description:
      'Tokens for jobs that send extracts automatically: create one, see when it was last used, revoke it.',
    permission: 'api-tokens:manage',
  },
  {
    href: '/admin/parameters',
    title: 'Trust parameters',
    description:
      'The leave-notice threshold, fulfilment target, delivery thresholds, metric targets and the other settings every number is calculated with.',
    permission: 'parameters:manage',
  },
  {
    href: '/admin/audit-log',
    title: 'Audit log',
    description:
      'Who signed in, imported, exported, viewed named data or changed users and parameters, and when; with a CSV download.',
    permission: 'audit:view',
  },
];

/** The permissions that open the Admin area: any one of them (each section checks its own again). */
export const ADMIN_PERMISSIONS: readonly Permission[] = ADMIN_SECTIONS.map((section) => section.permission);

/** The sections a caller with these permissions may open, in the index's order. */
export function getAdminSectionsFor(permissions: Iterable<Permission>): AdminSection[] {
  const held = new Set(permissions);
  return ADMIN_SECTIONS.filter((section) => held.has(section.permission));
}
