import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { toSafeCallbackPath } from '@/components/auth/callback-url';
import { SignInForm } from '@/components/auth/sign-in-form';
import { isSsoConfigured } from '@/lib/server/auth/auth-options';
import { getSessionUser } from '@/lib/server/auth/session';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';

export const metadata: Metadata = { title: 'Sign in' };

interface SignInPageProps {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Email and password, or Microsoft single sign-on when configured; then back to the page asked for. */
export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackPath = toSafeCallbackPath(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackPath);
  const organisation = await getCurrentOrganisation();

  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-[2.25rem] leading-tight font-bold sm:text-[3rem]">Sign in</h1>
      <p className="mb-8 text-[1.375rem]">
        {organisation ? `Sign in to see ${organisation.name}’s job-plan data.` : 'Sign in to Fulfil.'}
      </p>
      <SignInForm
        callbackPath={callbackPath}
        initialErrorCode={first(params.error) ?? null}
        isSsoEnabled={isSsoConfigured()}
      />
    </div>
  );
}
