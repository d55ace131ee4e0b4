'use client';

import Link from 'next/link';
import { formatNumber } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SecondaryButton } from '@/components/ui/secondary-button';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useAdminUsers } from '@/lib/client/hooks/use-admin-users';
import type { AdminUserListResponse } from '@/lib/shared/schemas/admin';
import { describeRole, formatAdminTime } from './labels';
import { UserStatus } from './user-status';

/** Every user of the trust with their roles, status and last sign-in; each name opens the user's page. */
export function UsersTable({ initialUsers }: { initialUsers: AdminUserListResponse }) {
  const query = useAdminUsers(initialUsers);
  const { users } = query.data ?? initialUsers;
  return (
    <Panel aria-labelledby="users-heading">
      <SectionHeading id="users-heading">Users</SectionHeading>
      {query.isError && (
        <Notice>
          <p className="mb-3">
            <strong>The list of users could not be refreshed:</strong> {query.error.message}
          </p>
          <SecondaryButton onClick={() => query.refetch()}>Try again</SecondaryButton>
        </Notice>
      )}
      {users.length === 0 ? (
        <EmptyState title="No users yet">
          <p>Create the first user below.</p>
        </EmptyState>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            {formatNumber(users.length)} {users.length === 1 ? 'user' : 'users'}, by name. Choose a name to
            change the user&apos;s roles, reset their password or deactivate them. Times are Europe/London.
          </p>
          <ScrollRegion label="Users table">
            <Table caption="Users of the trust" isCaptionHidden>
              <TableHead>
                <TableRow>
                  <ColumnHeader>Name</ColumnHeader>
                  <ColumnHeader>Email address</ColumnHeader>
                  <ColumnHeader>Roles</ColumnHeader>
                  <ColumnHeader>Status</ColumnHeader>
                  <ColumnHeader>Last sign-in</ColumnHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {users.map((user) => (
                  <TableRow key={user.id}>
                    <RowHeader>
                      <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                    </RowHeader>
                    <TableCell className="break-all">{user.email}</TableCell>
                    <TableCell>
                      {user.roles.length === 0 ? (
                        <span className="text-nhs-dark-grey">No role: sees nothing</span>
                      ) : (
                        <ul className="space-y-1">
                          {user.roles.map((role) => (
                            <li key={role.id}>{describeRole(role.role, role.scope)}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <UserStatus user={user} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {user.lastSignInAt ? (
                        <time dateTime={user.lastSignInAt}>{formatAdminTime(user.lastSignInAt)}</time>
                      ) : (
                        'Never'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </Panel>
  );
}
