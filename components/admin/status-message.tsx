import type { ReactNode } from 'react';

/** A confirmation that something was done, announced politely to screen readers (role="status"). */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="mb-6 max-w-3xl border-l-8 border-nhs-green bg-nhs-white py-4 pr-4 pl-6">
      {children}
    </div>
  );
}
