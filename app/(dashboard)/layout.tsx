import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type ReactNode, Suspense } from 'react';
import { REQUESTED_PATH_HEADER, signInPath } from '@/components/auth/callback-url';
import { AppShell } from '@/components/shell/app-shell';
import { TrustName } from '@/components/shell/trust-name';
import { getSessionUser } from '@/lib/server/auth/session';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every page here needs a signed-in, active user; the proxy's cookie check is only a shortcut.
  if (!(await getSessionUser())) redirect(signInPath((await headers()).get(REQUESTED_PATH_HEADER)));
  return (
    <AppShell
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
