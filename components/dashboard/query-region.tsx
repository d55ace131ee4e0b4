'use client';

import type { ReactNode } from 'react';
import { SecondaryButton } from '@/components/ui/secondary-button';

interface QueryLike {
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * A widget whose numbers come from react-query. While a changed filter's numbers load, the previous ones stay,
 * dimmed and marked busy, with a status message; a failed request says so and offers to try again.
 */
export function QueryRegion({
  queries,
  label,
  children,
}: {
  queries: readonly QueryLike[];
  /** What is loading, e.g. "the headline figures". */
  label: string;
  children: ReactNode;
}) {
  const failed = queries.find((query) => query.error !== null && !query.isFetching);
  const isUpdating = queries.some((query) => query.isPlaceholderData || (query.isFetching && query.error));
  if (failed) {
    return (
      <div role="alert" className="mb-8 max-w-3xl border-l-8 border-nhs-red bg-nhs-white py-4 pr-4 pl-6">
        <p className="mb-3 font-bold">Sorry, {label} could not be loaded.</p>
        <p className="mb-3">
          The problem may be temporary. Try again; if it keeps happening, contact your information team.
        </p>
        <SecondaryButton
          onClick={() => {
            for (const query of queries) if (query.error) query.refetch();
          }}
        >
          Try again
        </SecondaryButton>
      </div>
    );
  }
  return (
    <div aria-busy={isUpdating} className="relative" data-updating={isUpdating || undefined}>
      <p role="status" className={isUpdating ? 'mb-2 font-bold text-nhs-dark-grey print:hidden' : 'sr-only'}>
        {isUpdating ? `Updating ${label}…` : ''}
      </p>
      <div className={isUpdating ? 'opacity-50 transition-opacity motion-reduce:transition-none' : undefined}>
        {children}
      </div>
    </div>
  );
}
