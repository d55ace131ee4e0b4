import type { ReactNode } from 'react';

interface ScrollRegionProps {
  /** Names the region for screen readers, e.g. the table's subject. */
  label: string;
  children: ReactNode;
}

/**
 * A horizontally scrollable box for wide tables. It is focusable (and named) so that keyboard users can scroll it
 * with the arrow keys.
 */
export function ScrollRegion({ label, children }: ScrollRegionProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section aria-label={label} tabIndex={0} className="max-w-full overflow-x-auto">
      {children}
    </section>
  );
}
