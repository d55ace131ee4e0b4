'use client';

import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { useAdminUser } from '@/lib/client/hooks/use-admin-user';
import type { AdminUser, RoleScopeOptions } from '@/lib/shared/schemas/admin';
import { AccountStatus } from './account-status';
import { ResetPasswordForm } from './reset-password-form';
import { UserDetails } from './user-details';
import { UserRoles } from './user-roles';

interface UserManagerProps {
  initialUser: AdminUser;
  options: RoleScopeOptions;
  /** The administrator is looking at their own account. */
  isSelf: boolean;
}

/** Everything an administrator does to one user: name, roles, password, and whether the account is active. */
export function UserManager({ initialUser, options, isSelf }: UserManagerProps) {
  const query = useAdminUser(initialUser.id, initialUser);
  const user = query.data ?? initialUser;
  return (
    <>
      <PageHeader title={user.name} caption="User">
        <p>Their account, roles and password.</p>
      </PageHeader>
      {query.isError && (
        <Notice>
          <p className="mb-3">
            <strong>This user could not be refreshed:</strong> {query.error.message}
          </p>
          <SecondaryButton onClick={() => query.refetch()}>Try again</SecondaryButton>
        </Notice>
      )}
      <UserDetails user={user} />
      <UserRoles user={user} isSelf={isSelf} options={options} />
      <ResetPasswordForm user={user} />
      <AccountStatus user={user} isSelf={isSelf} />
    </>
  );
}
