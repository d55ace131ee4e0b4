import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: ReactNode;
  /** What the reader can do about it. */
  children: ReactNode;
}

/** Shown instead of content that does not exist yet, saying what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="max-w-3xl border-4 border-dashed border-nhs-mid-grey bg-nhs-white p-8">
      <h2 className="mb-3 text-[1.75rem] leading-tight font-bold">{title}</h2>
      <div className="space-y-3">{children}</div>
    </div>
  );
}
