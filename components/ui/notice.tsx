import type { ReactNode } from 'react';

/** Text set apart with a blue rule (NHS "inset text"): a note the reader should not miss. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="my-6 max-w-3xl border-l-8 border-nhs-blue bg-nhs-white py-4 pr-4 pl-6">{children}</div>
  );
}
