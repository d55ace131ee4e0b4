import type { ReactNode } from 'react';
import { SkipLink } from '@/components/shell/skip-link';
import { Container } from '@/components/ui/container';

/** Pages for signed-out visitors: the NHS-blue banner with the wordmark only (nothing here to navigate to yet). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="bg-nhs-blue text-nhs-white">
        <Container className="py-4">
          <p className="text-[2rem] leading-none font-bold tracking-tight">Fulfil</p>
        </Container>
      </header>
      {/* tabIndex -1: the skip link moves keyboard focus here, not just the scroll position. */}
      <main id="main-content" tabIndex={-1} className="flex-1 py-8 sm:py-12">
        <Container>{children}</Container>
      </main>
      <footer className="border-t-4 border-nhs-blue bg-nhs-white">
        <Container className="py-6 text-nhs-dark-grey">
          <p>Fulfil: job-plan fulfilment and session productivity for NHS trusts.</p>
        </Container>
      </footer>
    </div>
  );
}
