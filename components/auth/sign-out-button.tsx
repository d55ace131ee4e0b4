'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { classNames } from '@/components/ui/class-names';

/**
 * Signs the user out (next-auth clears the session cookie; the sign-out is audited) and opens the sign-in page.
 * Styled for the NHS-blue header by default; pass a className to restyle it.
 */
export function SignOutButton({ className }: { className?: string }) {
  const [isSigningOut, setIsSigningOut] = useState(false);

  async function handleSignOut() {
    if (isSigningOut) return;
    setIsSigningOut(true);
    try {
      await signOut({ redirect: false });
    } finally {
      // A full load: nothing of the signed-in pages stays in the client's memory.
      window.location.assign('/sign-in');
    }
  }

  return (
    <button
      type="button"
      onClick={handleSignOut}
      aria-disabled={isSigningOut || undefined}
      className={classNames(
        'cursor-pointer font-bold text-nhs-white underline underline-offset-[0.15em] hover:decoration-2',
        className,
      )}
    >
      {isSigningOut ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
