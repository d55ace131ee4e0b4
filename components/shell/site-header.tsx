import Link from 'next/link';
import type { ReactNode } from 'react';
import { Container } from '@/components/ui/container';
import { PrimaryNav } from './primary-nav';

/** The NHS-blue banner: wordmark, the trust's name when known, and the primary navigation. */
export function SiteHeader({ trustName }: { trustName?: ReactNode }) {
  return (
    <header className="bg-nhs-blue text-nhs-white">
      <Container className="flex flex-wrap items-baseline gap-x-6 gap-y-1 py-4">
        <Link
          href="/"
          className="text-[2rem] leading-none font-bold tracking-tight text-nhs-white no-underline hover:underline"
        >
          Fulfil
        </Link>
        {trustName}
      </Container>
      <PrimaryNav />
    </header>
  );
}
