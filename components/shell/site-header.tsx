import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Container } from '@/components/ui/container';
import type { Permission } from '@/lib/shared/permissions';
import { PrimaryNav } from './primary-nav';

export interface SignedInUser {
  name: string;
  /** The user's roles in words, e.g. "Clinical lead / service manager". */
  roles: string;
  permissions: readonly Permission[];
}

/** The NHS-blue banner: wordmark, the trust's name, who is signed in, and the navigation their role allows. */
export function SiteHeader({ trustName, user }: { trustName?: ReactNode; user?: SignedInUser }) {
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
        {user ? (
          <p className="ml-auto flex flex-wrap items-baseline gap-x-4 text-base">
            <span>
              <span className="font-bold">{user.name}</span>
              {user.roles ? <span className="sr-only">, </span> : null}
              {user.roles ? <span className="ml-2 text-nhs-white/90">{user.roles}</span> : null}
            </span>
            <SignOutButton />
          </p>
        ) : null}
      </Container>
      {user ? <PrimaryNav permissions={user.permissions} /> : null}
    </header>
  );
}
