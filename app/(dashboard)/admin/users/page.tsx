import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminBreadcrumbs } from '@/components/admin/admin-breadcrumbs';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { listAdminUsers } from '@/lib/server/dal/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const caller = await getPageCaller('users:manage', '/admin/users');
  const users = await listAdminUsers(caller);
  return (
    <>
      <AdminBreadcrumbs />
      <PageHeader title="Users">
        <p>
          Everyone who can sign in to Fulfil, and what their roles let them see. A user with no role sees
          nothing.
        </p>
      </PageHeader>
      <UsersTable initialUsers={{ users }} />
      <CreateUserForm />
    </>
  );
}
