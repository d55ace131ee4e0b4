'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

interface DashboardErrorProps {
  error: unknown;
  /** Re-fetches and re-renders the failed page. */
  retry: () => void;
}

/** Server errors reach the browser as a generic message plus a digest that matches the server's log. */
function getDigest(error: unknown): string | undefined {
  if (error instanceof Error && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

export default function DashboardError({ error, retry }: DashboardErrorProps) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = getDigest(error);
  return (
    <>
      <PageHeader title="Sorry, there is a problem with this page" />
      <div className="max-w-3xl space-y-4">
        <p>The page could not be loaded. The problem may be temporary, so please try again.</p>
        <p>
          If it keeps happening, contact your information team
          {digest ? (
            <>
              {' '}
              and quote the reference <code className="font-mono">{digest}</code>.
            </>
          ) : (
            '.'
          )}
        </p>
        <Button onClick={retry}>Try again</Button>
      </div>
    </>
  );
}
