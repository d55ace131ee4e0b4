import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '@/lib/shared/permissions';
import { ADMIN_PERMISSIONS, getAdminSectionsFor } from './admin-sections';

describe('the Admin index', () => {
  it('lists each section the caller’s permissions allow, and only those', () => {
    expect(getAdminSectionsFor(['audit:view']).map((section) => section.href)).toEqual(['/admin/audit-log']);
    expect(
      getAdminSectionsFor(['parameters:manage', 'api-tokens:manage']).map((section) => section.href),
    ).toEqual(['/admin/api-tokens', '/admin/parameters']);
    expect(getAdminSectionsFor(ROLE_PERMISSIONS.admin)).toHaveLength(4);
    expect(getAdminSectionsFor(ROLE_PERMISSIONS.executive)).toEqual([]);
  });

  it('opens for any one of the sections’ permissions', () => {
    expect([...ADMIN_PERMISSIONS].sort()).toEqual([
      'api-tokens:manage',
      'audit:view',
      'parameters:manage',
      'users:manage',
    ]);
  });
});
