import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type ReactNode, Suspense } from 'react';
import { REQUESTED_PATH_HEADER, signInPath } from '@/components/auth/callback-url';
import { AppShell } from '@/components/shell/app-shell';
import { TrustName } from '@/components/shell/trust-name';
import { getAssignments } from '@/lib/server/auth/scope';
import { getSessionUser } from '@/lib/server/auth/session';
import { getDatabase } from '@/lib/server/db';
import { permissionsOf, ROLE_LABELS } from '@/lib/shared/permissions';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every page here needs a signed-in, active user; the proxy's cookie check is only a shortcut.
  const user = await getSessionUser();
  if (!user) redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
  const roles = [
    ...new Set(
      (await getAssignments(await getDatabase(), user.organisationId, user.userId)).map((a) => a.role),
    ),
  ];
  return (
    <AppShell
      user={{
        name: user.name,
        roles: roles.map((role) => ROLE_LABELS[role]).join(', '),
        permissions: [...permissionsOf(roles)],
      }}
      trustName={
        <Suspense fallback={null}>
          <TrustName />
        </Suspense>
      }
    >
      {children}
    </AppShell>
  );
}
