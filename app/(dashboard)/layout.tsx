import { type ReactNode, Suspense } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { TrustName } from '@/components/shell/trust-name';

export default function DashboardLayout({ children }: { children: ReactNode }) {
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
