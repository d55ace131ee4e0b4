import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { AdminBreadcrumbs } from '@/components/admin/admin-breadcrumbs';
import { UserManager } from '@/components/admin/user-manager';
import { getPageCaller } from '@/lib/server/api/caller';
import { AppError } from '@/lib/server/api/errors';
import { getRoleScopeOptions } from '@/lib/server/dal/role-assignments';
import { getAdminUser } from '@/lib/server/dal/users';

export const metadata: Metadata = { title: 'User' };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  await connection();
  const { userId } = await params;
  const caller = await getPageCaller('users:manage', `/admin/users/${encodeURIComponent(userId)}`);
  if (!/^[1-9]\d{0,9}$/.test(userId) || Number(userId) > 2_147_483_647) notFound();
  const user = await getAdminUser(caller, Number(userId)).catch((error: unknown) => {
    // Another trust's user, or none: not found, like any page that does not exist.
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const options = await getRoleScopeOptions(caller);
  return (
    <>
      <AdminBreadcrumbs trail={[{ href: '/admin/users', label: 'Users' }]} />
      <UserManager initialUser={user} options={options} isSelf={caller.userId === user.id} />
    </>
  );
}
