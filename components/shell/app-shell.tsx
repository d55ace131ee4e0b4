import type { ReactNode } from 'react';
import { Container } from '@/components/ui/container';
import { SiteFooter } from './site-footer';
import { type SignedInUser, SiteHeader } from './site-header';
import { SkipLink } from './skip-link';

interface AppShellProps {
  /** Shown in the header beside the wordmark. */
  trustName?: ReactNode;
  /** The signed-in user; absent on pages outside the signed-in area (e.g. not found). */
  user?: SignedInUser;
  children: ReactNode;
}

/** Skip link, header, the page's main landmark and footer. */
export function AppShell({ trustName, user, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <SiteHeader trustName={trustName} user={user} />
      {/* tabIndex -1: the skip link moves keyboard focus here, not just the scroll position. */}
      <main id="main-content" tabIndex={-1} className="flex-1 py-8 sm:py-12">
        <Container>{children}</Container>
      </main>
      <SiteFooter />
    </div>
  );
}
